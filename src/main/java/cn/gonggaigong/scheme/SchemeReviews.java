package cn.gonggaigong.scheme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.decision.DecisionRecord;
import cn.gonggaigong.decision.DecisionRecordRepository;
import cn.gonggaigong.form.FormCatalog;
import cn.gonggaigong.form.FormField;
import cn.gonggaigong.task.ProjectTaskContext;
import cn.gonggaigong.task.UserDirectory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What the scheme's reviewers said, where the next one needs it: NRB's summary and the committee read every
 * department's opinion of the version under review ({@code departmentOpinions}); NRB recompiling a scheme sent back
 * for revision reads why ({@code revisionReasons}) and starts from the previous version's figures, not from the
 * application's (ordered before {@link cn.gonggaigong.project.ApplicationPrefill}: the first value offered wins).
 */
@Component
@Order(0)
public class SchemeReviews extends ProjectTaskContext {

    static final String COMPILE = "Task_CompileScheme";
    static final String OPINION = "Task_GiveDepartmentOpinion";
    /** The steps that may send a scheme back for revision, and the outcome that does. */
    static final Set<String> REVIEWS = Set.of("Task_SummariseOpinions", "Task_ReviewScheme", "Task_DecideMajorMatter",
            "Task_ApproveScheme", "Task_RecordCompensationVote");

    private final SchemeRepository schemes;
    private final DecisionRecordRepository decisions;
    private final UserDirectory users;
    private final FormCatalog forms;

    public SchemeReviews(SchemeRepository schemes, DecisionRecordRepository decisions, UserDirectory users, FormCatalog forms) {
        super(Set.of(COMPILE, "Task_SummariseOpinions", "Task_ReviewScheme"));
        this.schemes = schemes;
        this.decisions = decisions;
        this.users = users;
        this.forms = forms;
    }

    @Override
    protected Map<String, Object> values(String taskDefinitionKey, long projectId) {
        List<DecisionRecord> all = decisions.findByProjectIdOrderByDecidedAtAscIdAsc(projectId);
        List<DecisionRecord> sinceCompiled = sinceLast(all, COMPILE);
        Map<String, Object> values = new LinkedHashMap<>();
        if (!COMPILE.equals(taskDefinitionKey)) {
            List<DecisionRecord> opinions = sinceCompiled.stream().filter(d -> OPINION.equals(d.getTaskDefinitionKey())).toList();
            values.put("departmentOpinions", opinions.isEmpty() ? "（尚无部门意见）" : opinions(opinions));
            return values;
        }
        String reasons = sinceCompiled.stream()
                .filter(d -> REVIEWS.contains(d.getTaskDefinitionKey()) && isRevision(d.getOutcome())).map(this::line)
                .collect(Collectors.joining("\n"));
        if (!reasons.isEmpty()) {
            values.put("revisionReasons", reasons);
        }
        schemes.findFirstByProjectIdOrderBySchemeVersionDesc(projectId).ifPresent(s -> previous(s, values));
        return values;
    }

    /**
     * 共12个部门出具意见：同意10个、原则同意（附意见）1个、不同意1个, then a line for each: the objections first, then
     * the agreements with conditions, then the plain agreements (the form's answers from last to first), each in
     * the order given; so that a dissent is not missed among a dozen lines.
     */
    private String opinions(List<DecisionRecord> opinions) {
        List<String> answers = forms.find("Form_" + OPINION.substring("Task_".length())).stream()
                .flatMap(f -> f.fields().stream()).flatMap(f -> f.options().stream())
                .map(o -> o.value().asText()).toList();
        Map<String, Long> counts = opinions.stream().sorted(java.util.Comparator.comparingInt(d -> rank(answers, d)))
                .collect(Collectors.groupingBy(this::label, LinkedHashMap::new, Collectors.counting()));
        String header = "共" + opinions.size() + "个部门出具意见：" + counts.entrySet().stream()
                .map(e -> e.getKey() + e.getValue() + "个").collect(Collectors.joining("、"));
        return header + "\n" + opinions.stream()
                .sorted(java.util.Comparator.comparingInt((DecisionRecord d) -> rank(answers, d)).reversed())
                .map(this::line).collect(Collectors.joining("\n"));
    }

    /** The answer's place among the form's options; one the form no longer offers after them (counted last, listed first). */
    private static int rank(List<String> answers, DecisionRecord d) {
        int index = answers.indexOf(d.getOutcome());
        return index < 0 ? answers.size() : index;
    }

    /** The records after the latest one of {@code taskKey} (all of them when there is none). */
    private static List<DecisionRecord> sinceLast(List<DecisionRecord> all, String taskKey) {
        int last = -1;
        for (int i = 0; i < all.size(); i++) {
            if (taskKey.equals(all.get(i).getTaskDefinitionKey())) {
                last = i;
            }
        }
        return all.subList(last + 1, all.size());
    }

    private static boolean isRevision(String outcome) {
        return "REVISE".equals(outcome) || "REJECT".equals(outcome) || "REJECTED".equals(outcome)
                || VoteExpiryRecorder.OUTCOME.equals(outcome);
    }

    /** 市发展和改革局经办员（2026-07-01）：同意；意见……；文号 …… */
    private String line(DecisionRecord d) {
        StringBuilder text = new StringBuilder();
        text.append(d.getTaskName()).append(" · ").append(d.getActor() == null ? "系统" : users.name(d.getActor()));
        if (d.getDecidedAt() != null) {
            text.append("（").append(LocalDate.ofInstant(d.getDecidedAt(), WorkingDayCalendar.ZONE)).append("）");
        }
        text.append("：").append(label(d));
        if (d.getOpinion() != null && !d.getOpinion().isBlank()) {
            text.append("；").append(d.getOpinion());
        }
        if (d.getDocumentNumber() != null && !d.getDocumentNumber().isBlank()) {
            text.append("；文号 ").append(d.getDocumentNumber());
        }
        return text.toString();
    }

    /** The outcome as its form's option says it (AGREE → 同意). */
    private String label(DecisionRecord d) {
        if (VoteExpiryRecorder.OUTCOME.equals(d.getOutcome())) {
            return VoteExpiryRecorder.LABEL;
        }
        String formId = "Form_" + d.getTaskDefinitionKey().substring("Task_".length());
        return forms.find(formId).stream().flatMap(f -> f.fields().stream())
                .flatMap(f -> f.options().stream())
                .filter(o -> o.value().asText().equals(d.getOutcome()))
                .map(FormField.Option::label).findFirst().orElse(d.getOutcome());
    }

    /** The previous version's figures, the form's fields by key. */
    private static void previous(Scheme s, Map<String, Object> values) {
        number(values, "landAreaSqm", s.getLandAreaSqm());
        number(values, "totalFloorArea", s.getTotalFloorArea());
        number(values, "officeLivingFloorArea", s.getOfficeLivingFloorArea());
        number(values, "rdTestingFloorArea", s.getRdTestingFloorArea());
        number(values, "separateFacilityLandArea", s.getSeparateFacilityLandArea());
        number(values, "existingFloorArea", s.getExistingFloorArea());
        number(values, "renovatedFloorArea", s.getRenovatedFloorArea());
        number(values, "renovationBudget", s.getRenovationBudget());
        number(values, "investment", s.getInvestment());
        values.put("industryCategory", s.getIndustryCategory().name());
        values.put("farExemption", s.isFarExemption());
        values.put("involvesDemolition", s.isInvolvesDemolition());
        values.put("heritageImpact", s.isHeritageImpact());
        if (s.getFarExemptionReason() != null) {
            values.put("farExemptionReason", s.getFarExemptionReason());
        }
        if (s.getCompensationPlan() != null) {
            values.put("compensationPlan", s.getCompensationPlan());
        }
        if (s.getPhasing() != null) {
            values.put("phasing", s.getPhasing());
        }
    }

    private static void number(Map<String, Object> values, String key, BigDecimal value) {
        if (value != null) {
            values.put(key, value.stripTrailingZeros().doubleValue());
        }
    }
}
