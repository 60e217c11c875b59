package cn.gonggaigong.project;

/** Industry of the project (Art. 9); the value is the process variable {@code industryCategory}. */
public enum IndustryCategory {
    LIGHT_TEXTILE("现代轻工纺织"),
    BIOMEDICINE("生物医药与健康"),
    AGRI_FOOD("现代农业与食品"),
    ELECTRONICS("电子信息"),
    ENV_EQUIPMENT("环保装备制造"),
    NEW_MATERIALS("新材料"),
    EMERGING("相关新兴产业"),
    OTHER("其他产业");

    private final String label;

    IndustryCategory(String label) {
        this.label = label;
    }

    /** Chinese name shown to users. */
    public String label() {
        return label;
    }
}
