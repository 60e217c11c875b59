package cn.gonggaigong.decision;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gonggaigong.form.FormCatalog;
import cn.gonggaigong.form.FormField;
import cn.gonggaigong.scheme.RuleCheckRecorder;
import cn.gonggaigong.scheme.VoteExpiryRecorder;
import cn.gonggaigong.task.TaskModel;
import org.springframework.stereotype.Component;

/**
 * A recorded decision in the words of the step's form, as people read it (the project's timeline, the applicant's
 * notice of a result): the decision as its option's label, what was wrong and the facts each after its field's label.
 */
@Component
public class DecisionLabels {

    /** A recorded fact after its field's label, its value as the option's label where the field has options. */
    public record LabelledFact(String label, String value) {
    }

    static final Map<String, String> GENERIC_LABELS = Map.of("DONE", "已办理", "SENT_BACK", "退回", "true", "是",
            "false", "否", RuleCheckRecorder.RULES_MET, "方案符合第七条、第十条规定",
            RuleCheckRecorder.RULES_BROKEN, "方案不符合第七条、第十条规定，退回修改",
            VoteExpiryRecorder.OUTCOME, VoteExpiryRecorder.LABEL,
            cn.gonggaigong.projectpage.ApplicationWithdrawal.OUTCOME, "撤回申请，项目终止");

    private final FormCatalog forms;
    private final TaskModel model;

    public DecisionLabels(FormCatalog forms, TaskModel model) {
        this.forms = forms;
        this.model = model;
    }

    /** The label people read for a decision: the option's label in the task's form (PASS → 通过), or a generic one. */
    public String decision(String processDefinitionId, String taskKey, String outcome) {
        if (processDefinitionId != null && !"SENT_BACK".equals(outcome)) {
            TaskModel.UserTaskFacts facts = model.of(processDefinitionId, taskKey);
            // A yes/no answer says to what: "公示期间是否有异议：否", not "否" alone (read as "not passed").
            String label = forms.find(facts.formId())
                    .flatMap(f -> facts.decisionVariable() == null ? Optional.empty() : f.field(facts.decisionVariable()))
                    .stream().flatMap(f -> f.options().stream()
                            .filter(o -> o.value().asText().equals(outcome))
                            .map(o -> o.value().isBoolean() && f.label() != null ? f.label() + "：" + o.label() : o.label()))
                    .findFirst().orElse(null);
            if (label != null) {
                return label;
            }
        }
        return GENERIC_LABELS.getOrDefault(outcome, outcome);
    }

    /** What the step recorded besides its decision (the model's decisionFacts), each after its field's label. */
    public List<LabelledFact> facts(String processDefinitionId, String taskKey, List<DecisionRecord.Fact> facts) {
        return facts.stream().map(fact -> {
            Optional<FormField> field = field(processDefinitionId, taskKey, fact.field());
            String value = field.flatMap(f -> f.options().stream().filter(o -> o.value().asText().equals(fact.value()))
                    .map(FormField.Option::label).findFirst()).orElse(fact.value());
            return new LabelledFact(field.map(FormField::label).orElse(fact.field()), value);
        }).toList();
    }

    /** What a step that did not pass said was wrong, after its field's label in the task's form; null when nothing. */
    public String reason(String processDefinitionId, String taskKey, String field, String text) {
        if (text == null) {
            return null;
        }
        String label = field(processDefinitionId, taskKey, field).map(FormField::label)
                .orElse(cn.gonggaigong.projectpage.ApplicationWithdrawal.REASON_FIELD.equals(field) ? "撤回原因" : null);
        return (label == null ? "问题" : label) + "：" + text;
    }

    /** A field of the form of a step of the given process definition; empty where it has none, or no longer. */
    private Optional<FormField> field(String processDefinitionId, String taskKey, String key) {
        return processDefinitionId == null ? Optional.empty()
                : forms.find(model.of(processDefinitionId, taskKey).formId()).flatMap(f -> f.field(key));
    }
}
