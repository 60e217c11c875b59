package cn.gonggaigong.process;

/** Ids and variables of {@code processes/ProjectIntake.bpmn}. */
public final class ProjectIntakeProcess {

    public static final String PROCESS_ID = "ProjectIntake";
    public static final String MESSAGE_ANNUAL_PLAN_APPROVED = "Msg_AnnualPlanApproved";
    public static final String TASK_SURVEY_WILLINGNESS = "Task_SurveyWillingness";
    public static final String RECEIVE_TASK_AWAIT_ANNUAL_PLAN = "ReceiveTask_AwaitAnnualPlanApproval";

    public static final class Var {
        public static final String INCLUDED_IN_PLAN = "includedInPlan";
        public static final String INTAKE_RESULT = "intakeResult";
        public static final String FAST_TRACK = "fastTrack";

        private Var() {
        }
    }

    private ProjectIntakeProcess() {
    }
}
