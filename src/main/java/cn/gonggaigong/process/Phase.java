package cn.gonggaigong.process;

import java.util.Arrays;
import java.util.Optional;

/**
 * The phases of a project's lifecycle, in the order of the Puning measures; each is one call activity of
 * {@code ProjectLifecycle} that calls the phase's own process.
 */
public enum Phase {
    INTAKE("CallActivity_Intake", "ProjectIntake", "纳入年度实施计划"),
    SUBJECT_CONFIRMATION("CallActivity_SubjectConfirmation", "SubjectConfirmation", "确认改造主体"),
    UNIT_PLANNING("CallActivity_UnitPlanning", "UnitPlanning", "编制改造单元详细规划"),
    SCHEME_COMPILATION("CallActivity_SchemeCompilation", "SchemeCompilation", "编制改造方案"),
    DEPARTMENT_CONSULTATION("CallActivity_DepartmentConsultation", "DepartmentConsultation", "征求职能部门意见"),
    COMMITTEE_REVIEW("CallActivity_CommitteeReview", "CommitteeReview", "规划委员会审议"),
    GOVERNMENT_APPROVAL("CallActivity_GovernmentApproval", "GovernmentApproval", "市政府审批改造方案"),
    COMPENSATION_VOTE("CallActivity_CompensationVote", "CompensationVote", "表决补偿安置方案"),
    MONITORING_AGREEMENT("CallActivity_MonitoringAgreement", "MonitoringAgreement", "签订实施监管协议"),
    LAND_MANAGEMENT("CallActivity_LandManagement", "LandManagement", "办理用地手续"),
    IMPLEMENTATION_SUPERVISION("CallActivity_ImplementationSupervision", "ImplementationSupervision", "实施动态监管"),
    COMPLETION_ACCEPTANCE("CallActivity_CompletionAcceptance", "CompletionAcceptance", "竣工验收及改造补贴"),
    TRANSITION_PERIOD("CallActivity_TransitionPeriod", "TransitionPeriod", "过渡期管理");

    private final String callActivityId;
    private final String processId;
    private final String label;

    Phase(String callActivityId, String processId, String label) {
        this.callActivityId = callActivityId;
        this.processId = processId;
        this.label = label;
    }

    public String callActivityId() {
        return callActivityId;
    }

    public String processId() {
        return processId;
    }

    /** The phase's name as officers read it. */
    public String label() {
        return label;
    }

    /** The phase of this name (as the project and the API store it); empty for null or any other text. */
    public static Optional<Phase> named(String name) {
        return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
    }

    public static Optional<Phase> ofCallActivity(String activityId) {
        return Arrays.stream(values()).filter(p -> p.callActivityId.equals(activityId)).findFirst();
    }
}
