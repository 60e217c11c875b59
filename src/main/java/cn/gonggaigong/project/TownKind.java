package cn.gonggaigong.project;

/** Kind of a town-level unit of 普宁市 (乡 counts as TOWN). */
public enum TownKind {
    TOWN("镇"),
    STREET("街道"),
    FARM("农场");

    private final String label;

    TownKind(String label) {
        this.label = label;
    }

    /** Chinese name shown to users. */
    public String label() {
        return label;
    }
}
