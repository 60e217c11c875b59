package cn.gonggaigong.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the project API answers (JSON). */
public final class ProjectViews {

    private ProjectViews() {
    }

    public record TownView(String code, String name, TownKind kind, String groupId) {

        static TownView of(Town town) {
            return new TownView(town.getCode(), town.getName(), town.getKind(), town.getGroupId());
        }
    }

    /** An open user task of the project, in the lifecycle or in one of the phase processes it called. */
    public record OpenTask(String id, String name, String taskDefinitionKey, String processInstanceId,
                           List<String> candidateGroups, String assignee, Instant created, Instant due) {
    }

    public record Decision(Long id, String taskDefinitionKey, String taskName, String actor, Instant decidedAt,
                           String outcome, String documentNumber, String opinion) {
    }

    /** A rule broken by the current (latest) version of the project's scheme. */
    public record SchemeViolation(int schemeVersion, String ruleCode, String article, String description,
                                  BigDecimal limitValue, BigDecimal actualValue) {
    }

    public record ProjectDetails(
            Long id,
            String code,
            String name,
            TownView town,
            String applicantName,
            String applicantUserId,
            ApplicantType applicantType,
            RenovationMode renovationMode,
            RenovationType renovationType,
            Ownership ownership,
            List<String> parcelIds,
            BigDecimal landAreaSqm,
            BigDecimal landAreaMu,
            BigDecimal existingFloorArea,
            BigDecimal currentPlotRatio,
            BigDecimal plannedFloorArea,
            BigDecimal plannedPlotRatio,
            IndustryCategory industryCategory,
            BigDecimal investment,
            boolean keyIndustryProject,
            boolean pilotProject,
            BigDecimal contiguousAreaMu,
            boolean historicalLandProcedures,
            boolean governmentSubject,
            int planYear,
            ProjectStatus status,
            String phase,
            String phaseLabel,
            String processInstanceId,
            String unitCode,
            Integer annualPlanYear,
            @io.swagger.v3.oas.annotations.media.Schema(description = "所纳入的年度实施计划是否已经市政府批准；未纳入任何计划为 null")
            Boolean annualPlanApproved,
            BigDecimal landPrice,
            String landPriceBasis,
            BigDecimal subsidyAmount,
            String subsidyBasis,
            Instant createdAt,
            Instant updatedAt,
            List<OpenTask> openTasks,
            List<Decision> decisions,
            List<SchemeViolation> schemeViolations,
            Survey survey,
            @io.swagger.v3.oas.annotations.media.Schema(description = "市自然资源局确认的改造主体名称（最近一次出具改造主体确认）；尚未确认为 null")
            String confirmedSubject) {
    }

    /** The town's survey of the base data (调查基础数据), null until done; parcelIds as the town listed them. */
    public record Survey(BigDecimal landAreaSqm, BigDecimal landAreaMu, BigDecimal existingFloorArea,
                         BigDecimal currentPlotRatio, String parcelIds, java.time.LocalDate surveyDate) {

        static Survey of(ProjectSurvey s) {
            return s == null ? null : new Survey(s.getLandAreaSqm(), s.getLandAreaMu(), s.getExistingFloorArea(),
                    s.getCurrentPlotRatio(), s.getParcelIds(), s.getSurveyDate());
        }
    }

    public record ProjectSummary(Long id, String code, String name, String townCode, String townName,
                                 String applicantName, ProjectStatus status, String phase, Instant createdAt) {
    }

    /** One page of a list; {@code page} counts from 0. */
    public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {
    }
}
