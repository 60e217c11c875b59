package cn.gonggaigong.scheme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import cn.gonggaigong.project.IndustryCategory;
import cn.gonggaigong.project.Project;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

/**
 * One version of a project's renovation scheme (改造方案, Art. 12(1)): the figures entered in
 * {@code Task_CompileScheme}, the indicators computed from them and whether the rules of Art. 7 and 10 hold
 * ({@link #getViolations()} lists the broken ones). Each revision is a new version.
 */
@Entity
@Table(name = "scheme")
public class Scheme {


    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", nullable = false)
    private Project project;

    /** 1 for the first scheme of a project, +1 for each revision. */
    @Column(nullable = false)
    private int schemeVersion;

    // Figures of Task_CompileScheme (areas m², money yuan)
    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal landAreaSqm;

    /** 计容建筑面积. */
    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal totalFloorArea;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal officeLivingFloorArea;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal rdTestingFloorArea;

    /** Land of separately sited facilities; 0 if none. */
    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal separateFacilityLandArea;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal existingFloorArea;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal renovatedFloorArea;

    /** Renovation budget excluding the land price. */
    @Column(nullable = false, precision = 18, scale = 2)
    private BigDecimal renovationBudget;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private IndustryCategory industryCategory;

    /** 生产工艺、现状改造或地块形态有特殊要求 (Art. 7 exemption from the FAR minimum). */
    @Column(nullable = false)
    private boolean farExemption;

    @Column(columnDefinition = "text")
    private String farExemptionReason;

    @Column(nullable = false)
    private boolean involvesDemolition;

    @Column(nullable = false)
    private boolean heritageImpact;

    @Column(nullable = false, precision = 18, scale = 2)
    private BigDecimal investment;

    @Column(columnDefinition = "text")
    private String compensationPlan;

    @Column(columnDefinition = "text")
    private String phasing;

    // Indicators computed from the figures (ratios in percent, 0..100)
    @Column(nullable = false, precision = 8, scale = 4)
    private BigDecimal plotRatio;

    @Column(nullable = false, precision = 8, scale = 4)
    private BigDecimal officeLivingRatio;

    @Column(nullable = false, precision = 8, scale = 4)
    private BigDecimal rdTestingRatio;

    @Column(nullable = false, precision = 8, scale = 4)
    private BigDecimal separateFacilityLandRatio;

    @Column(nullable = false, precision = 8, scale = 4)
    private BigDecimal renovatedFloorAreaRatio;

    @Column(nullable = false)
    private boolean compliant;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    private Instant approvedAt;

    @Column(length = 100)
    private String approvalDocumentNumber;

    @OneToMany(mappedBy = "scheme", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<RuleViolation> violations = new ArrayList<>();

    protected Scheme() {
    }

    /**
     * A scheme version with its figures; {@link #of} adds the indicators computed by {@link SchemeFigures}.
     */
    private Scheme(Project project, int schemeVersion, BigDecimal landAreaSqm, BigDecimal totalFloorArea,
                  BigDecimal officeLivingFloorArea, BigDecimal rdTestingFloorArea, BigDecimal separateFacilityLandArea,
                  BigDecimal existingFloorArea, BigDecimal renovatedFloorArea, BigDecimal renovationBudget,
                  IndustryCategory industryCategory, BigDecimal investment) {
        this.project = project;
        this.schemeVersion = schemeVersion;
        this.landAreaSqm = landAreaSqm;
        this.totalFloorArea = totalFloorArea;
        this.officeLivingFloorArea = officeLivingFloorArea;
        this.rdTestingFloorArea = rdTestingFloorArea;
        this.separateFacilityLandArea = separateFacilityLandArea;
        this.existingFloorArea = existingFloorArea;
        this.renovatedFloorArea = renovatedFloorArea;
        this.renovationBudget = renovationBudget;
        this.industryCategory = industryCategory;
        this.investment = investment;
        this.compliant = true;
    }

    /** A scheme version from the figures NRB entered in {@code Task_CompileScheme}. */
    public static Scheme of(Project project, int schemeVersion, SchemeFigures figures) {
        Scheme scheme = new Scheme(project, schemeVersion, decimal(figures.landAreaSqm()),
                decimal(figures.totalFloorArea()), decimal(figures.officeLivingFloorArea()),
                decimal(figures.rdTestingFloorArea()), decimal(figures.separateFacilityLandArea()),
                decimal(figures.existingFloorArea()), decimal(figures.renovatedFloorArea()),
                decimal(figures.renovationBudget()), IndustryCategory.valueOf(figures.industryCategory()),
                decimal(figures.investment()));
        scheme.plotRatio = indicator(figures.plotRatio());
        scheme.officeLivingRatio = indicator(figures.officeLivingRatio());
        scheme.rdTestingRatio = indicator(figures.rdTestingRatio());
        scheme.separateFacilityLandRatio = indicator(figures.separateFacilityLandRatio());
        scheme.renovatedFloorAreaRatio = indicator(figures.renovatedFloorAreaRatio());
        scheme.farExemption = figures.farExemption();
        scheme.farExemptionReason = figures.farExemptionReason();
        scheme.involvesDemolition = figures.involvesDemolition();
        scheme.heritageImpact = figures.heritageImpact();
        scheme.compensationPlan = figures.compensationPlan();
        scheme.phasing = figures.phasing();
        return scheme;
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    /** An indicator as the decision tables judged it ({@link SchemeFigures}), kept to 4 decimals. */
    private static BigDecimal indicator(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }

    @PrePersist
    void onCreate() {
        createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Records a broken rule (a row of the decision tables PlanningIndicators / MicroRenovationThresholds). */
    public RuleViolation addViolation(String ruleCode, String article, String description, BigDecimal limitValue,
                                      BigDecimal actualValue) {
        RuleViolation violation = new RuleViolation(this, ruleCode, article, description, limitValue, actualValue);
        violations.add(violation);
        compliant = false;
        return violation;
    }

    /** Records the government's approval of this version. */
    public void approve(Instant approvedAt, String approvalDocumentNumber) {
        this.approvedAt = approvedAt;
        this.approvalDocumentNumber = approvalDocumentNumber;
    }

    public Long getId() {
        return id;
    }

    public Project getProject() {
        return project;
    }

    public int getSchemeVersion() {
        return schemeVersion;
    }

    public BigDecimal getLandAreaSqm() {
        return landAreaSqm;
    }

    public BigDecimal getTotalFloorArea() {
        return totalFloorArea;
    }

    public BigDecimal getOfficeLivingFloorArea() {
        return officeLivingFloorArea;
    }

    public BigDecimal getRdTestingFloorArea() {
        return rdTestingFloorArea;
    }

    public BigDecimal getSeparateFacilityLandArea() {
        return separateFacilityLandArea;
    }

    public BigDecimal getExistingFloorArea() {
        return existingFloorArea;
    }

    public BigDecimal getRenovatedFloorArea() {
        return renovatedFloorArea;
    }

    public BigDecimal getRenovationBudget() {
        return renovationBudget;
    }

    public IndustryCategory getIndustryCategory() {
        return industryCategory;
    }

    public boolean isFarExemption() {
        return farExemption;
    }

    public void setFarExemption(boolean farExemption) {
        this.farExemption = farExemption;
    }

    public String getFarExemptionReason() {
        return farExemptionReason;
    }

    public void setFarExemptionReason(String farExemptionReason) {
        this.farExemptionReason = farExemptionReason;
    }

    public boolean isInvolvesDemolition() {
        return involvesDemolition;
    }

    public void setInvolvesDemolition(boolean involvesDemolition) {
        this.involvesDemolition = involvesDemolition;
    }

    public boolean isHeritageImpact() {
        return heritageImpact;
    }

    public void setHeritageImpact(boolean heritageImpact) {
        this.heritageImpact = heritageImpact;
    }

    public BigDecimal getInvestment() {
        return investment;
    }

    public String getCompensationPlan() {
        return compensationPlan;
    }

    public void setCompensationPlan(String compensationPlan) {
        this.compensationPlan = compensationPlan;
    }

    public String getPhasing() {
        return phasing;
    }

    public void setPhasing(String phasing) {
        this.phasing = phasing;
    }

    public BigDecimal getPlotRatio() {
        return plotRatio;
    }

    public BigDecimal getOfficeLivingRatio() {
        return officeLivingRatio;
    }

    public BigDecimal getRdTestingRatio() {
        return rdTestingRatio;
    }

    public BigDecimal getSeparateFacilityLandRatio() {
        return separateFacilityLandRatio;
    }

    public BigDecimal getRenovatedFloorAreaRatio() {
        return renovatedFloorAreaRatio;
    }

    public boolean isCompliant() {
        return compliant;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public String getApprovalDocumentNumber() {
        return approvalDocumentNumber;
    }

    public List<RuleViolation> getViolations() {
        return List.copyOf(violations);
    }
}
