package cn.gonggaigong.project;

/** Renovation type (Art. 10); the value is the process variable {@code renovationType}. */
public enum RenovationType {
    FULL("全面改造"),
    MICRO("微改造"),
    MIXED("混合改造");

    private final String label;

    RenovationType(String label) {
        this.label = label;
    }

    /** Chinese name shown to users. */
    public String label() {
        return label;
    }
}
