package cn.gonggaigong.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gonggaigong.project.FieldProblem;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The checks of a submission against the real forms of forms/ (loaded from the class path as the app does). */
class FormValidatorTest {

    static final Map<String, FormDefinition> FORMS = FormCatalog.load(new ObjectMapper());

    @Test
    void everyFormOfTheModelsIsLoadedWithItsFields() {
        assertThat(FORMS).hasSize(formFiles());
        assertThat(FORMS.get("Form_SurveyWillingness").fields()).extracting(FormField::key)
                .containsExactly("willingnessAgreed", "agreePercent", "surveyDate", "opinion");
    }

    @Test
    void convertsValuesToTheTypesTheGatewaysUse() {
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("landTenureYears", 50);
        submitted.put("landContractNumber", "445281-2026-0031");
        submitted.put("landContractDate", "2026-10-01");
        FormValidator.Result result = FormValidator.validate(FORMS.get("Form_SupplyLand"), submitted, "");
        assertThat(result.problems()).isEmpty();
        assertThat(result.variables().get("landTenureYears")).isEqualTo(50L);

        FormValidator.Result radio = FormValidator.validate(FORMS.get("Form_SurveyWillingness"),
                Map.of("willingnessAgreed", "false", "agreePercent", 12.5, "surveyDate", "2026-01-02"), "");
        assertThat(radio.variables()).containsEntry("willingnessAgreed", false).containsEntry("agreePercent", 12.5);
    }

    @Test
    void textOfOnlySpacesIsNothingEntered() {
        // A required 文号 of spaces (full-width ones too) is missing, not an empty number saved.
        assertThat(problems("Form_SupplyLand", Map.of("landTenureYears", 50, "landContractNumber", "  \u3000 ",
                "landContractDate", "2026-10-01")))
                .containsExactly(new FieldProblem("landContractNumber", "必填"));
        FormValidator.Result optional = FormValidator.validate(FORMS.get("Form_SurveyWillingness"),
                Map.of("willingnessAgreed", true, "agreePercent", 95, "surveyDate", "2026-01-02", "opinion", "   "), "");
        assertThat(optional.problems()).isEmpty();
        assertThat(optional.variables()).doesNotContainKey("opinion");
    }

    @Test
    void namesEachBadFieldWithItsReason() {
        assertThat(problems("Form_SupplyLand", Map.of("landTenureYears", 2.5, "landContractNumber", 7,
                "landContractDate", "2026-10-01")))
                .containsExactly(new FieldProblem("landContractNumber", "必须是文本"),
                        new FieldProblem("landTenureYears", "必须是整数"));
        assertThat(problems("Form_SupplyLand", Map.of("landTenureYears", 51, "landContractNumber", "x",
                "landContractDate", "2026-10-01")))
                .containsExactly(new FieldProblem("landTenureYears", "不能大于50"));
        assertThat(problems("Form_ReportProgress", Map.of("reportMonth", "2026-13", "progressPercent", 10,
                "demolitionCompleted", true, "constructionStarted", false, "constructionCompleted", false)))
                .containsExactly(new FieldProblem("reportMonth", "格式不正确（年-月，例如 2026-05）"));
        assertThat(problems("Form_SignAgreementAsSubject", Map.of("subjectSignedDate", "2026-09-10", "subjectAccepted", "yes")))
                .containsExactly(new FieldProblem("subjectAccepted", "必须是true或false"));
    }

    @Test
    void unknownFieldsAreRejectedAndReadOnlyFieldsIgnored() {
        Map<String, Object> scheme = new LinkedHashMap<>();
        scheme.put("ruleViolationText", "用户改写的只读内容");
        scheme.put("hacked", true);
        FormValidator.Result result = FormValidator.validate(FORMS.get("Form_CompileScheme"), scheme, "p.");
        assertThat(result.problems()).contains(new FieldProblem("p.hacked", "表单中没有该字段"));
        assertThat(result.problems()).extracting(FieldProblem::field).doesNotContain("p.ruleViolationText");
        assertThat(result.variables()).doesNotContainKey("ruleViolationText");
    }

    @Test
    void aRequiredCheckboxMustBeTickedAsFormJsAsks() {
        assertThat(problems("Form_SignAgreementAsSubject", Map.of("subjectSignedDate", "2026-12-03", "subjectAccepted", false)))
                .containsExactly(new FieldProblem("subjectAccepted", "必填"));
        assertThat(problems("Form_SignAgreementAsSubject", Map.of("subjectSignedDate", "2026-12-03", "subjectAccepted", "false")))
                .containsExactly(new FieldProblem("subjectAccepted", "必填"));
        assertThat(problems("Form_SignAgreementAsSubject", Map.of("subjectSignedDate", "2026-12-03", "subjectAccepted", true)))
                .isEmpty();
        // An optional checkbox may stay unticked.
        FormValidator.Result optional = FormValidator.validate(FORMS.get("Form_CompileScheme"), Map.of("farExemption", false), "");
        assertThat(optional.problems()).extracting(FieldProblem::field).doesNotContain("farExemption");
        assertThat(optional.variables()).containsEntry("farExemption", false);
    }

    @Test
    void aNumberTooLargeForADoubleIsAFieldProblemNotAnError() {
        // JSON's 1e400 reaches the validator as Double.POSITIVE_INFINITY.
        assertThat(problems("Form_SupplyLand", Map.of("landTenureYears", Double.POSITIVE_INFINITY, "landContractNumber", "x",
                "landContractDate", "2026-10-01")))
                .containsExactly(new FieldProblem("landTenureYears", "数值过大或无效"));
        assertThat(problems("Form_SupplyLand", Map.of("landTenureYears", Double.NaN, "landContractNumber", "x",
                "landContractDate", "2026-10-01")))
                .containsExactly(new FieldProblem("landTenureYears", "数值过大或无效"));
    }

    private static List<FieldProblem> problems(String form, Map<String, Object> submitted) {
        return FormValidator.validate(FORMS.get(form), submitted, "").problems();
    }

    /** Every form of forms/ is in the catalog. */
    private static int formFiles() {
        try (var files = Files.list(Path.of("forms"))) {
            return (int) files.filter(f -> f.toString().endsWith(".form")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
