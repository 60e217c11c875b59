package cn.gonggaigong.project;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The town's survey of a project's base data (调查基础数据, Art. 6), as last submitted: what the town published and
 * vouches for, beside the figures the rights holder declared in the application. Null until the survey is done.
 */
@Embeddable
public class ProjectSurvey {

    @Column(name = "surveyed_land_area_sqm", precision = 14, scale = 2)
    private BigDecimal landAreaSqm;

    @Column(name = "surveyed_land_area_mu", precision = 14, scale = 4)
    private BigDecimal landAreaMu;

    @Column(name = "surveyed_existing_floor_area", precision = 14, scale = 2)
    private BigDecimal existingFloorArea;

    @Column(name = "surveyed_current_plot_ratio", precision = 8, scale = 4)
    private BigDecimal currentPlotRatio;

    /** As the town listed them (顿号-separated). */
    @Column(name = "surveyed_parcel_ids")
    private String parcelIds;

    @Column(name = "survey_date")
    private LocalDate surveyDate;

    protected ProjectSurvey() {
    }

    public ProjectSurvey(BigDecimal landAreaSqm, BigDecimal landAreaMu, BigDecimal existingFloorArea,
                         BigDecimal currentPlotRatio, String parcelIds, LocalDate surveyDate) {
        this.landAreaSqm = landAreaSqm;
        this.landAreaMu = landAreaMu;
        this.existingFloorArea = existingFloorArea;
        this.currentPlotRatio = currentPlotRatio;
        this.parcelIds = parcelIds;
        this.surveyDate = surveyDate;
    }

    public BigDecimal getLandAreaSqm() {
        return landAreaSqm;
    }

    public BigDecimal getLandAreaMu() {
        return landAreaMu;
    }

    public BigDecimal getExistingFloorArea() {
        return existingFloorArea;
    }

    public BigDecimal getCurrentPlotRatio() {
        return currentPlotRatio;
    }

    public String getParcelIds() {
        return parcelIds;
    }

    public LocalDate getSurveyDate() {
        return surveyDate;
    }
}
