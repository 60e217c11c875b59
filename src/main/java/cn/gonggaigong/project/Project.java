package cn.gonggaigong.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import cn.gonggaigong.plan.AnnualPlan;
import cn.gonggaigong.unit.RenovationUnit;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A 工改工 project: the application of a rights holder and what the lifecycle decides about it. The running
 * process instance of {@code ProjectLifecycle} has the project's {@link #getCode() code} as business key and its
 * {@link #getId() id} as process variable {@code projectId}.
 */
@Entity
@Table(name = "project")
public class Project {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** e.g. {@code GGG-2026-0001}. */
    @Column(nullable = false, unique = true, length = 20, updatable = false)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "town_code", nullable = false)
    private Town town;

    @Column(nullable = false, length = 200)
    private String applicantName;

    /** The applicant's user id in Camunda; the assignee of the applicant's own tasks. */
    @Column(nullable = false, length = 64)
    private String applicantUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ApplicantType applicantType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private RenovationMode renovationMode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RenovationType renovationType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Ownership ownership;

    /** Ids of the mapped “三旧” parcels (标图入库图斑) the application covers. */
    @ElementCollection
    @CollectionTable(name = "project_parcel", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "position")
    @Column(name = "parcel_id", nullable = false, length = 64)
    private List<String> parcelIds = new ArrayList<>();

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal landAreaSqm;

    @Column(nullable = false, precision = 14, scale = 4)
    private BigDecimal landAreaMu;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal existingFloorArea;

    @Column(nullable = false, precision = 8, scale = 4)
    private BigDecimal currentPlotRatio;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal plannedFloorArea;

    @Column(nullable = false, precision = 8, scale = 4)
    private BigDecimal plannedPlotRatio;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private IndustryCategory industryCategory;

    /** Total investment, yuan. */
    @Column(nullable = false, precision = 18, scale = 2)
    private BigDecimal investment;

    @Column(nullable = false)
    private boolean keyIndustryProject;

    @Column(nullable = false)
    private boolean pilotProject;

    @Column(nullable = false, precision = 14, scale = 4)
    private BigDecimal contiguousAreaMu;

    /** Historical land procedures must be completed (approval by the prefecture government). */
    @Column(nullable = false)
    private boolean historicalLandProcedures;

    /** The town's survey of the base data; null until it is done. */
    @jakarta.persistence.Embedded
    private ProjectSurvey survey;

    /** The government itself is the renovation subject (no monitoring agreement, Art. 13). */
    @Column(nullable = false)
    private boolean governmentSubject;

    @Column(nullable = false)
    private int planYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ProjectStatus status = ProjectStatus.ACTIVE;

    /** Code of the lifecycle phase the project is in; null before the process reports one. */
    @Column(length = 60)
    private String phase;

    @Column(length = 64)
    private String processInstanceId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id")
    private RenovationUnit unit;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "annual_plan_id")
    private AnnualPlan annualPlan;

    /** Land price determined under Art. 18, yuan. */
    @Column(precision = 18, scale = 2)
    private BigDecimal landPrice;

    @Column(columnDefinition = "text")
    private String landPriceBasis;

    /** Construction subsidy under Art. 19, yuan. */
    @Column(precision = 18, scale = 2)
    private BigDecimal subsidyAmount;

    @Column(columnDefinition = "text")
    private String subsidyBasis;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Project() {
    }

    public Project(String code, String name, Town town) {
        this.code = code;
        this.name = name;
        this.town = town;
    }

    @PrePersist
    void onCreate() {
        createdAt = now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = now();
    }

    /** The database keeps microseconds; the same value is answered before and after a reload. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    /** How the project's notices name it: 项目「name」（code，town）. Not a property (JPA, JSON). */
    public String describe() {
        return describe(getName(), getCode(), getTown().getName());
    }

    /** 项目「name」（code，town）: a project as notices name it, from its name, code and town's name. */
    public static String describe(String name, String code, String townName) {
        return "项目「" + name + "」（" + code + "，" + townName + "）";
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Town getTown() {
        return town;
    }

    public String getApplicantName() {
        return applicantName;
    }

    public void setApplicantName(String applicantName) {
        this.applicantName = applicantName;
    }

    public String getApplicantUserId() {
        return applicantUserId;
    }

    public void setApplicantUserId(String applicantUserId) {
        this.applicantUserId = applicantUserId;
    }

    public ApplicantType getApplicantType() {
        return applicantType;
    }

    public void setApplicantType(ApplicantType applicantType) {
        this.applicantType = applicantType;
    }

    public RenovationMode getRenovationMode() {
        return renovationMode;
    }

    public void setRenovationMode(RenovationMode renovationMode) {
        this.renovationMode = renovationMode;
    }

    public RenovationType getRenovationType() {
        return renovationType;
    }

    public void setRenovationType(RenovationType renovationType) {
        this.renovationType = renovationType;
    }

    public Ownership getOwnership() {
        return ownership;
    }

    public void setOwnership(Ownership ownership) {
        this.ownership = ownership;
    }

    public ProjectSurvey getSurvey() {
        return survey;
    }

    public void setSurvey(ProjectSurvey survey) {
        this.survey = survey;
    }

    /** The land area as the town surveyed it, or as applied for until surveyed. */
    public BigDecimal surveyedLandAreaSqm() {
        return survey != null && survey.getLandAreaSqm() != null ? survey.getLandAreaSqm() : landAreaSqm;
    }

    /** The existing floor area as the town surveyed it, or as applied for until surveyed. */
    public BigDecimal surveyedExistingFloorArea() {
        return survey != null && survey.getExistingFloorArea() != null ? survey.getExistingFloorArea() : existingFloorArea;
    }

    public List<String> getParcelIds() {
        return List.copyOf(parcelIds);
    }

    public void setParcelIds(List<String> parcelIds) {
        this.parcelIds.clear();
        this.parcelIds.addAll(parcelIds);
    }

    public BigDecimal getLandAreaSqm() {
        return landAreaSqm;
    }

    public void setLandAreaSqm(BigDecimal landAreaSqm) {
        this.landAreaSqm = landAreaSqm;
    }

    public BigDecimal getLandAreaMu() {
        return landAreaMu;
    }

    public void setLandAreaMu(BigDecimal landAreaMu) {
        this.landAreaMu = landAreaMu;
    }

    public BigDecimal getExistingFloorArea() {
        return existingFloorArea;
    }

    public void setExistingFloorArea(BigDecimal existingFloorArea) {
        this.existingFloorArea = existingFloorArea;
    }

    public BigDecimal getCurrentPlotRatio() {
        return currentPlotRatio;
    }

    public void setCurrentPlotRatio(BigDecimal currentPlotRatio) {
        this.currentPlotRatio = currentPlotRatio;
    }

    public BigDecimal getPlannedFloorArea() {
        return plannedFloorArea;
    }

    public void setPlannedFloorArea(BigDecimal plannedFloorArea) {
        this.plannedFloorArea = plannedFloorArea;
    }

    public BigDecimal getPlannedPlotRatio() {
        return plannedPlotRatio;
    }

    public void setPlannedPlotRatio(BigDecimal plannedPlotRatio) {
        this.plannedPlotRatio = plannedPlotRatio;
    }

    public IndustryCategory getIndustryCategory() {
        return industryCategory;
    }

    public void setIndustryCategory(IndustryCategory industryCategory) {
        this.industryCategory = industryCategory;
    }

    public BigDecimal getInvestment() {
        return investment;
    }

    public void setInvestment(BigDecimal investment) {
        this.investment = investment;
    }

    public boolean isKeyIndustryProject() {
        return keyIndustryProject;
    }

    public void setKeyIndustryProject(boolean keyIndustryProject) {
        this.keyIndustryProject = keyIndustryProject;
    }

    public boolean isPilotProject() {
        return pilotProject;
    }

    public void setPilotProject(boolean pilotProject) {
        this.pilotProject = pilotProject;
    }

    public BigDecimal getContiguousAreaMu() {
        return contiguousAreaMu;
    }

    public void setContiguousAreaMu(BigDecimal contiguousAreaMu) {
        this.contiguousAreaMu = contiguousAreaMu;
    }

    public boolean isHistoricalLandProcedures() {
        return historicalLandProcedures;
    }

    public void setHistoricalLandProcedures(boolean historicalLandProcedures) {
        this.historicalLandProcedures = historicalLandProcedures;
    }

    public boolean isGovernmentSubject() {
        return governmentSubject;
    }

    public void setGovernmentSubject(boolean governmentSubject) {
        this.governmentSubject = governmentSubject;
    }

    public int getPlanYear() {
        return planYear;
    }

    public void setPlanYear(int planYear) {
        this.planYear = planYear;
    }

    public ProjectStatus getStatus() {
        return status;
    }

    public void setStatus(ProjectStatus status) {
        this.status = status;
    }

    public String getPhase() {
        return phase;
    }

    public void setPhase(String phase) {
        this.phase = phase;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public void setProcessInstanceId(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public RenovationUnit getUnit() {
        return unit;
    }

    public void setUnit(RenovationUnit unit) {
        this.unit = unit;
    }

    public AnnualPlan getAnnualPlan() {
        return annualPlan;
    }

    public void setAnnualPlan(AnnualPlan annualPlan) {
        this.annualPlan = annualPlan;
    }

    public BigDecimal getLandPrice() {
        return landPrice;
    }

    public void setLandPrice(BigDecimal landPrice) {
        this.landPrice = landPrice;
    }

    public String getLandPriceBasis() {
        return landPriceBasis;
    }

    public void setLandPriceBasis(String landPriceBasis) {
        this.landPriceBasis = landPriceBasis;
    }

    public BigDecimal getSubsidyAmount() {
        return subsidyAmount;
    }

    public void setSubsidyAmount(BigDecimal subsidyAmount) {
        this.subsidyAmount = subsidyAmount;
    }

    public String getSubsidyBasis() {
        return subsidyBasis;
    }

    public void setSubsidyBasis(String subsidyBasis) {
        this.subsidyBasis = subsidyBasis;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
