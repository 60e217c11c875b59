package cn.gonggaigong.project;

/** Who applies for the renovation (Art. 4: 改造主体 / 项目权属人). */
public enum ApplicantType {
    OWNER("土地权利人"),
    LESSEE("承租人"),
    VILLAGE_COLLECTIVE("村集体经济组织"),
    GOVERNMENT("政府");

    private final String label;

    ApplicantType(String label) {
        this.label = label;
    }

    /** Chinese name shown to users. */
    public String label() {
        return label;
    }
}
