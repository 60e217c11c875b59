package cn.gonggaigong.process;

/** Ids and variables of {@code processes/RenovationUnit.bpmn}: one instance per renovation unit. */
public final class RenovationUnitProcess {

    public static final String PROCESS_ID = "RenovationUnit";
    public static final String TASK_APPROVE_UNIT_PLAN = "Task_ApproveUnitPlan";

    private RenovationUnitProcess() {
    }
}
