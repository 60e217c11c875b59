package cn.gonggaigong.unit;

/** State of a renovation unit's detailed plan (Art. 6, 8). */
public enum RenovationUnitStatus {
    /** 规划编制中: delineated, detailed plan being compiled or amended. */
    PLANNING,
    /** 规划已批准: the municipal government approved the detailed plan. */
    APPROVED
}
