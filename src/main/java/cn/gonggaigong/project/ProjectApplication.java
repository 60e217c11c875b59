package cn.gonggaigong.project;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A rights holder's application (Art. 6): the preliminary scope marked on mapped parcels and the key figures.
 * The field order here is the order in which problems are reported. Checks that need the database or several
 * fields (town, renovation unit, mu against m²) are made by {@link ProjectApplicationValidator}.
 *
 * @param parcelIds       ids of the mapped “三旧” parcels (标图入库图斑), at least one
 * @param landAreaMu      the same land area in mu (1 亩 = 666.67 m²)
 * @param investment      total investment, yuan
 * @param unitPlanInForce a detailed plan of a renovation unit already covers the land; then {@code unitCode}
 *                        names that (approved) unit
 * @param planYear        year of the annual implementation plan applied for; the current year when absent
 */
public record ProjectApplication(
        @NotBlank(message = NOT_BLANK) @Size(max = 200, message = "长度不能超过200个字符") String name,
        @NotBlank(message = CHOOSE) String townCode,
        @NotBlank(message = NOT_BLANK) @Size(max = 200, message = "长度不能超过200个字符") String applicantName,
        @NotBlank(message = NOT_BLANK) @Size(max = 64, message = "长度不能超过64个字符") String applicantUserId,
        @NotNull(message = CHOOSE) ApplicantType applicantType,
        @NotNull(message = CHOOSE) RenovationMode renovationMode,
        @NotNull(message = CHOOSE) RenovationType renovationType,
        @NotNull(message = CHOOSE) Ownership ownership,
        @NotEmpty(message = "至少需要一个标图入库图斑编号")
        List<@NotBlank(message = NOT_BLANK) @Size(max = 64, message = "长度不能超过64个字符") String> parcelIds,
        @NotNull(message = NOT_BLANK) @Positive(message = POSITIVE) @Digits(integer = 12, fraction = 6, message = TOO_LARGE)
        BigDecimal landAreaSqm,
        @NotNull(message = NOT_BLANK) @Positive(message = POSITIVE) @Digits(integer = 10, fraction = 6, message = TOO_LARGE)
        BigDecimal landAreaMu,
        @NotNull(message = NOT_BLANK) @PositiveOrZero(message = NOT_NEGATIVE) @Digits(integer = 12, fraction = 6, message = TOO_LARGE)
        BigDecimal existingFloorArea,
        @NotNull(message = NOT_BLANK) @DecimalMin(value = "0", message = PLOT_RATIO) @DecimalMax(value = "20", message = PLOT_RATIO)
        BigDecimal currentPlotRatio,
        @NotNull(message = NOT_BLANK) @PositiveOrZero(message = NOT_NEGATIVE) @Digits(integer = 12, fraction = 6, message = TOO_LARGE)
        BigDecimal plannedFloorArea,
        @NotNull(message = NOT_BLANK) @DecimalMin(value = "0", message = PLOT_RATIO) @DecimalMax(value = "20", message = PLOT_RATIO)
        BigDecimal plannedPlotRatio,
        @NotNull(message = CHOOSE) IndustryCategory industryCategory,
        @NotNull(message = NOT_BLANK) @PositiveOrZero(message = NOT_NEGATIVE) @Digits(integer = 16, fraction = 6, message = TOO_LARGE)
        BigDecimal investment,
        boolean keyIndustryProject,
        boolean pilotProject,
        @NotNull(message = NOT_BLANK) @PositiveOrZero(message = NOT_NEGATIVE) @Digits(integer = 10, fraction = 6, message = TOO_LARGE)
        BigDecimal contiguousAreaMu,
        boolean historicalLandProcedures,
        boolean unitPlanInForce,
        @Size(max = 60, message = "长度不能超过60个字符") String unitCode,
        @Min(value = 2000, message = YEAR) @Max(value = 2100, message = YEAR) Integer planYear) {

    static final String NOT_BLANK = "不能为空";
    /** A choice left empty (镇街, 申请人类型 and the other lists): what to do, as the page's dropdown says it. */
    static final String CHOOSE = "请选择";
    static final String POSITIVE = "必须大于0";
    static final String NOT_NEGATIVE = "不能小于0";
    static final String PLOT_RATIO = "必须在0到20之间";
    static final String TOO_LARGE = "数值超出范围";
    static final String YEAR = "年份必须在2000到2100之间";
}
