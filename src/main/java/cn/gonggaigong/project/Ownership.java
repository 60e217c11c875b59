package cn.gonggaigong.project;

/** Rights holders of the land (Art. 11); the value is the process variable {@code ownership}. */
public enum Ownership {
    SINGLE("单一权利主体"),
    SEVERAL_OWNERS("多个权利主体");

    private final String label;

    Ownership(String label) {
        this.label = label;
    }

    /** Chinese name shown to users. */
    public String label() {
        return label;
    }
}
