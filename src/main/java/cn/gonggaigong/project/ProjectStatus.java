package cn.gonggaigong.project;

/** Where a project stands as a whole; the phase within the lifecycle is {@link Project#getPhase()}. */
public enum ProjectStatus {
    ACTIVE("审批实施中"),
    REJECTED("未通过"),
    COMPLETED("已完成"),
    WITHDRAWN("已撤回");

    private final String label;

    ProjectStatus(String label) {
        this.label = label;
    }

    /** Chinese name shown to users. */
    public String label() {
        return label;
    }
}
