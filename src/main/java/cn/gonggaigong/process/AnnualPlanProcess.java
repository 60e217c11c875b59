package cn.gonggaigong.process;

/** Ids and variables of {@code processes/AnnualPlan.bpmn}: one instance per plan year. */
public final class AnnualPlanProcess {

    public static final String PROCESS_ID = "AnnualPlan";
    public static final String TASK_APPROVE_ANNUAL_PLAN = "Task_ApproveAnnualPlan";

    public static final class Var {
        public static final String PLAN_YEAR = "planYear";
        public static final String ANNUAL_PLAN_ID = "annualPlanId";
        public static final String EXCLUDED_PROJECT_CODES = "excludedProjectCodes";

        private Var() {
        }
    }

    private AnnualPlanProcess() {
    }
}
