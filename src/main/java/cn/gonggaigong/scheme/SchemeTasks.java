package cn.gonggaigong.scheme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.platform.Amounts;
import cn.gonggaigong.task.ProjectTaskContext;
import org.springframework.stereotype.Component;

/**
 * The departments, NRB's summary, the planning committee, the leading group and the government judge a scheme: their
 * tasks show its current version's figures (read-only {@code schemeSummary}), not only the application's; NRB's
 * completion inspection shows the scheme it inspects the building against.
 */
@Component
public class SchemeTasks extends ProjectTaskContext {

    static final String SUMMARY = "schemeSummary";

    private final SchemeRepository schemes;

    public SchemeTasks(SchemeRepository schemes) {
        super(Set.of("Task_GiveDepartmentOpinion", "Task_SummariseOpinions", "Task_ReviewScheme", "Task_DecideMajorMatter",
                "Task_ApproveScheme", "Task_FileWithPrefectureNrb", "Task_InspectCompletion"));
        this.schemes = schemes;
    }

    @Override
    protected Map<String, Object> values(String taskDefinitionKey, long projectId) {
        return schemes.findFirstByProjectIdOrderBySchemeVersionDesc(projectId)
                .<Map<String, Object>>map(s -> Map.of(SUMMARY, summary(s)))
                .orElse(Map.of(SUMMARY, "（尚未编制改造方案）"));
    }

    /** The scheme's main figures, one a line (the reviewers' tasks, the project page). */
    public static String summary(Scheme s) {
        StringBuilder text = new StringBuilder();
        text.append("第 ").append(s.getSchemeVersion()).append(" 版");
        if (s.getCreatedAt() != null) {
            text.append("，").append(LocalDate.ofInstant(s.getCreatedAt(), WorkingDayCalendar.ZONE)).append(" 编制");
        }
        text.append("；规则校验：").append(s.isCompliant() ? "符合第七条、第十条各项指标" : "不符合 " + s.getViolations().size() + " 项");
        if (s.getApprovalDocumentNumber() != null) {
            text.append("；已批复（").append(s.getApprovalDocumentNumber()).append("）");
        }
        line(text, "产业类别", s.getIndustryCategory().label());
        line(text, "用地面积", area(s.getLandAreaSqm()));
        line(text, "总计容建筑面积", area(s.getTotalFloorArea()) + "；容积率 " + plain(s.getPlotRatio()));
        line(text, "行政办公及生活服务配套", area(s.getOfficeLivingFloorArea()) + "（占 " + plain(s.getOfficeLivingRatio()) + "%）");
        line(text, "研发、设计、检测、中试", area(s.getRdTestingFloorArea()) + "（占 " + plain(s.getRdTestingRatio()) + "%）");
        line(text, "配套设施独立占地", area(s.getSeparateFacilityLandArea()) + "（占用地 " + plain(s.getSeparateFacilityLandRatio()) + "%）");
        line(text, "现状建筑面积", area(s.getExistingFloorArea()));
        if (positive(s.getRenovatedFloorArea())) {
            line(text, "改造建筑面积", area(s.getRenovatedFloorArea()) + "（占现状 " + plain(s.getRenovatedFloorAreaRatio()) + "%）");
        }
        if (positive(s.getRenovationBudget())) {
            line(text, "改造工程概算", money(s.getRenovationBudget()));
        }
        line(text, "总投资", money(s.getInvestment()));
        line(text, "涉及拆迁", s.isInvolvesDemolition() ? "是" : "否");
        line(text, "影响历史文化遗存", s.isHeritageImpact() ? "是" : "否");
        if (s.isFarExemption()) {
            line(text, "容积率特殊要求", s.getFarExemptionReason() == null ? "是" : s.getFarExemptionReason());
        }
        line(text, "补偿安置方案", s.getCompensationPlan());
        line(text, "分期实施", s.getPhasing());
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append('\n').append(label).append("：").append(value == null || value.isBlank() ? "—" : value);
    }

    private static boolean positive(BigDecimal value) {
        return value != null && value.signum() > 0;
    }

    private static String area(BigDecimal value) {
        return Amounts.text(value, "平方米");
    }

    private static String money(BigDecimal value) {
        return Amounts.yuan(value);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "—" : value.setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
