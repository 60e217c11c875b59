package cn.gonggaigong.project;

/** Renovation mode (Art. 10); the value is the process variable {@code renovationMode}. */
public enum RenovationMode {
    GOVERNMENT_STORAGE("政府收储"),
    SELF("自行改造"),
    COOPERATION("合作改造");

    private final String label;

    RenovationMode(String label) {
        this.label = label;
    }

    /** Chinese name shown to users. */
    public String label() {
        return label;
    }
}
