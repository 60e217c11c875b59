package cn.gonggaigong.process;

/** Ids and variables of {@code processes/UnitPlanning.bpmn} (a project joining a renovation unit). */
public final class UnitPlanningProcess {

    public static final String PROCESS_ID = "UnitPlanning";
    public static final String MESSAGE_UNIT_PLAN_APPROVED = "Msg_UnitPlanApproved";
    public static final String RECEIVE_TASK_AWAIT_UNIT_PLAN = "ReceiveTask_AwaitUnitPlanApproval";

    public static final class Var {
        public static final String UNIT_ID = "unitId";
        public static final String UNIT_ACTION = "unitAction";
        public static final String UNIT_CODE = "unitCode";
        public static final String UNIT_NAME = "unitName";
        public static final String UNIT_PLAN_APPROVED = "unitPlanApproved";

        private Var() {
        }
    }

    private UnitPlanningProcess() {
    }
}
