package cn.gonggaigong.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cn.gonggaigong.unit.RenovationUnit;
import cn.gonggaigong.unit.RenovationUnitRepository;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Checks an application completely before anything is saved: the constraints on {@link ProjectApplication}, then
 * what needs the database or several fields. All problems are reported at once, in the order of the fields.
 */
@Component
public class ProjectApplicationValidator {

    /** 1 亩 in m². */
    static final BigDecimal SQM_PER_MU = new BigDecimal("666.67");
    /** How far the two land areas may differ (rounding in the applicant's documents). */
    static final BigDecimal AREA_TOLERANCE = new BigDecimal("0.01");
    /** How far a plot ratio may be from floor area ÷ land area: rounding to one decimal place, or 2 % of it. */
    static final BigDecimal PLOT_RATIO_TOLERANCE = new BigDecimal("0.05");
    static final BigDecimal PLOT_RATIO_RELATIVE_TOLERANCE = new BigDecimal("0.02");
    /** The largest plot ratio an application may give ({@link ProjectApplication#currentPlotRatio()}'s limit). */
    public static final BigDecimal MAX_PLOT_RATIO = new BigDecimal("20");

    private static final List<String> FIELD_ORDER = Arrays.stream(ProjectApplication.class.getRecordComponents())
            .map(component -> component.getName())
            .toList();

    private final Validator validator;
    private final TownRepository towns;
    private final RenovationUnitRepository units;

    public ProjectApplicationValidator(Validator validator, TownRepository towns, RenovationUnitRepository units) {
        this.validator = validator;
        this.towns = towns;
        this.units = units;
    }

    /** The town and unit an application refers to, once it has passed every check. */
    public record Checked(ProjectApplication application, Town town, RenovationUnit unit) {
    }

    /**
     * @throws ApplicationRejectedException listing every problem found
     */
    public Checked check(ProjectApplication application) {
        return check(application, false);
    }

    /**
     * @param byRightsHolder the application is made by the rights holder themselves (我的申请), not by an office for
     *                       them: the government cannot be its applicant type (Art. 13: a project whose subject is
     *                       the government has no monitoring agreement)
     * @throws ApplicationRejectedException listing every problem found
     */
    public Checked check(ProjectApplication application, boolean byRightsHolder) {
        List<FieldProblem> problems = new ArrayList<>();
        if (byRightsHolder && application.applicantType() == ApplicantType.GOVERNMENT) {
            problems.add(new FieldProblem("applicantType",
                    "权利人本人申请时不能选择“政府”：以政府为改造主体的项目由市自然资源局或所在镇（街道、农场）申报"));
        }
        for (ConstraintViolation<ProjectApplication> violation : validator.validate(application)) {
            problems.add(new FieldProblem(field(violation.getPropertyPath()), violation.getMessage()));
        }
        Town town = null;
        if (StringUtils.hasText(application.townCode())) {
            town = towns.findById(application.townCode().trim()).orElse(null);
            if (town == null) {
                problems.add(new FieldProblem("townCode", "镇（街道、农场）不存在"));
            }
        }
        // An annual implementation plan is compiled for its year: a past year's takes no more applications.
        int thisYear = Year.now(ProjectService.ZONE).getValue();
        if (application.planYear() != null && application.planYear() >= 2000 && application.planYear() < thisYear) {
            problems.add(new FieldProblem("planYear",
                    "不能早于今年（" + thisYear + "年）：以往年度的实施计划已不再受理申请"));
        }
        checkMuMatchesSquareMetres(application).ifPresent(problems::add);
        plotRatioMatches(application.existingFloorArea(), application.landAreaSqm(), application.currentPlotRatio(),
                "currentPlotRatio", "现状建筑面积").ifPresent(problems::add);
        plotRatioMatches(application.plannedFloorArea(), application.landAreaSqm(), application.plannedPlotRatio(),
                "plannedPlotRatio", "规划建筑面积").ifPresent(problems::add);
        RenovationUnit unit = null;
        if (application.unitPlanInForce()) {
            if (!StringUtils.hasText(application.unitCode())) {
                problems.add(new FieldProblem("unitCode", "已有改造单元详细规划时必须填写改造单元编号"));
            } else {
                unit = units.findByCode(application.unitCode().trim()).orElse(null);
                if (unit == null) {
                    problems.add(new FieldProblem("unitCode", "改造单元不存在"));
                } else if (!unit.isApproved()) {
                    problems.add(new FieldProblem("unitCode", "该改造单元的详细规划尚未批准"));
                }
            }
        } else if (StringUtils.hasText(application.unitCode())) {
            problems.add(new FieldProblem("unitCode", "仅在已有改造单元详细规划时填写"));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt((FieldProblem p) -> fieldIndex(p.field()))
                    .thenComparing(FieldProblem::field)
                    .thenComparing(FieldProblem::reason));
            throw new ApplicationRejectedException(problems);
        }
        return new Checked(application, town, unit);
    }

    static Optional<FieldProblem> checkMuMatchesSquareMetres(ProjectApplication application) {
        return muMatchesSquareMetres(application.landAreaSqm(), application.landAreaMu());
    }

    /** The area in 亩 agrees with the area in m² (1 亩 = 666.67 m², within the tolerance); a problem on landAreaMu if not. */
    public static Optional<FieldProblem> muMatchesSquareMetres(BigDecimal sqm, BigDecimal mu) {
        if (sqm == null || mu == null || sqm.signum() <= 0 || mu.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal difference = mu.multiply(SQM_PER_MU).subtract(sqm).abs();
        if (difference.compareTo(sqm.multiply(AREA_TOLERANCE)) <= 0) {
            return Optional.empty();
        }
        BigDecimal expectedMu = sqm.divide(SQM_PER_MU, 2, RoundingMode.HALF_UP);
        return Optional.of(new FieldProblem("landAreaMu",
                "与用地面积（平方米）不一致，按1亩=666.67平方米应约为" + expectedMu.toPlainString() + "亩"));
    }

    /**
     * A plot ratio (容积率) agrees with its floor area ÷ the land area (within {@link #PLOT_RATIO_TOLERANCE} or 2 %);
     * a problem on {@code field} if not, naming the ratio the figures give.
     */
    public static Optional<FieldProblem> plotRatioMatches(BigDecimal floorArea, BigDecimal landArea, BigDecimal ratio,
                                                          String field, String floorAreaLabel) {
        // Figures out of their own range are reported by their own checks, not twice.
        if (floorArea == null || landArea == null || ratio == null || landArea.signum() <= 0 || floorArea.signum() < 0
                || ratio.signum() < 0 || ratio.compareTo(MAX_PLOT_RATIO) > 0) {
            return Optional.empty();
        }
        BigDecimal expected = floorArea.divide(landArea, 4, RoundingMode.HALF_UP);
        BigDecimal tolerance = PLOT_RATIO_TOLERANCE.max(expected.multiply(PLOT_RATIO_RELATIVE_TOLERANCE));
        if (ratio.subtract(expected).abs().compareTo(tolerance) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new FieldProblem(field, "与" + floorAreaLabel + "和用地面积不一致：容积率＝建筑面积÷用地面积＝"
                + floorArea.stripTrailingZeros().toPlainString() + "÷" + landArea.stripTrailingZeros().toPlainString()
                + "≈" + expected.setScale(2, RoundingMode.HALF_UP).toPlainString()));
    }

    /** {@code parcelIds[0]} for an element of a list, the component name otherwise. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
            } else if (node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.toString();
    }

    private static int fieldIndex(String field) {
        int end = field.indexOf('[');
        int index = FIELD_ORDER.indexOf(end < 0 ? field : field.substring(0, end));
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
