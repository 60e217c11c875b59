package cn.gonggaigong.process;

/**
 * Ids and variable names of {@code processes/ProjectLifecycle.bpmn}, so Java code never spells them twice.
 */
public final class ProjectLifecycleProcess {

    public static final String PROCESS_ID = "ProjectLifecycle";
    public static final String END_EVENT_COMPLETED = "EndEvent_ProjectCompleted";
    public static final String END_EVENT_REJECTED = "EndEvent_ProjectRejected";
    public static final String END_EVENT_WITHDRAWN = "EndEvent_ProjectWithdrawn";

    /** Process variables set when a project application starts the lifecycle. */
    public static final class Var {
        public static final String PROJECT_ID = "projectId";
        public static final String PROJECT_CODE = "projectCode";
        public static final String TOWN_GROUP = "townGroup";
        public static final String APPLICANT = "applicant";
        public static final String RENOVATION_MODE = "renovationMode";
        public static final String RENOVATION_TYPE = "renovationType";
        public static final String OWNERSHIP = "ownership";
        public static final String GOVERNMENT_SUBJECT = "governmentSubject";
        public static final String UNIT_PLAN_IN_FORCE = "unitPlanInForce";
        public static final String KEY_INDUSTRY_PROJECT = "keyIndustryProject";
        public static final String PILOT_PROJECT = "pilotProject";
        public static final String CONTIGUOUS_AREA_MU = "contiguousAreaMu";
        public static final String IN_ANNUAL_PLAN = "inAnnualPlan";
        public static final String HISTORICAL_LAND_PROCEDURES = "historicalLandProcedures";
        public static final String INDUSTRY_CATEGORY = "industryCategory";
        public static final String PLAN_YEAR = "planYear";

        private Var() {
        }
    }

    private ProjectLifecycleProcess() {
    }
}
