package cn.gonggaigong.escalation;

/** The grades of a warning (红黄牌): three raised by timers, one by hand. Ordered by severity. */
public enum Grade {
    YELLOW("黄牌预警"),
    RED("红牌警告"),
    ESCALATED("督办（已上报领导小组）"),
    URGE("催办");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean raisedByTimer() {
        return this != URGE;
    }
}
