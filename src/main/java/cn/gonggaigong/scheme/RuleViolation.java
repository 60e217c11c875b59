package cn.gonggaigong.scheme;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A rule of the measures a scheme version breaks, as the decision tables report it. */
@Entity
@Table(name = "rule_violation")
public class RuleViolation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "scheme_id", nullable = false)
    private Scheme scheme;

    /** e.g. {@code ART7_FAR_MIN}. */
    @Column(nullable = false, length = 60)
    private String ruleCode;

    /** e.g. 第七条. */
    @Column(nullable = false, length = 20)
    private String article;

    @Column(nullable = false, columnDefinition = "text")
    private String description;

    @Column(nullable = false, precision = 18, scale = 4)
    private BigDecimal limitValue;

    @Column(nullable = false, precision = 18, scale = 4)
    private BigDecimal actualValue;

    protected RuleViolation() {
    }

    RuleViolation(Scheme scheme, String ruleCode, String article, String description, BigDecimal limitValue,
                  BigDecimal actualValue) {
        this.scheme = scheme;
        this.ruleCode = ruleCode;
        this.article = article;
        this.description = description;
        this.limitValue = limitValue;
        this.actualValue = actualValue;
    }

    public Long getId() {
        return id;
    }

    public Scheme getScheme() {
        return scheme;
    }

    public String getRuleCode() {
        return ruleCode;
    }

    public String getArticle() {
        return article;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getLimitValue() {
        return limitValue;
    }

    public BigDecimal getActualValue() {
        return actualValue;
    }
}
