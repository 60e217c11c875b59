package cn.gonggaigong.plan;

/** State of an annual implementation plan (年度实施计划, Art. 6). */
public enum AnnualPlanStatus {
    /** 编制中: NRB compiles the plan from the year's projects. */
    COMPILING,
    /** 已批准: the municipal government approved the plan as a whole. */
    APPROVED
}
