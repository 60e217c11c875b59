package cn.gonggaigong.project;

/** Where a project stands as a whole; the phase within the lifecycle is {@link Project#getPhase()}. */
public enum ProjectStatus {
    ACTIVE("审批实施中"),
    REJECTED("未通过"),
    COMPLETED("已完成"),
    /**
     * Ended before it was admitted: the rights holders did not agree to renovate, or the approved annual plan did not
     * list it (the lifecycle's {@code EndEvent_ProjectWithdrawn}). The applicant's own withdrawal (撤回申请) is
     * {@link #TERMINATED}; this stored value keeps its old name, which the API and the database's check constraint carry.
     */
    WITHDRAWN("未纳入实施"),
    /**
     * Ended by an administrator who cancelled its lifecycle (Cockpit, the REST API): an entry made in error, an
     * applicant who gave up after the scheme's approval ({@link ProjectCancellationPlugin}; V50); or by the applicant's
     * own withdrawal before it (撤回申请, {@link cn.gonggaigong.projectpage.ApplicationWithdrawal}).
     */
    TERMINATED("已终止");

    private final String label;

    ProjectStatus(String label) {
        this.label = label;
    }

    /** Chinese name shown to users. */
    public String label() {
        return label;
    }
}
