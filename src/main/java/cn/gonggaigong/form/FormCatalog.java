package cn.gonggaigong.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms of the user tasks ({@code forms/*.form}, the same files the engine deploys), by form id
 * ({@code Form_SurveyWillingness}): a user task names its form with {@code camunda:formRef}.
 */
@Component
public class FormCatalog {

    static final String LOCATION = "classpath*:forms/*.form";

    private final Map<String, FormDefinition> forms;

    public FormCatalog(ObjectMapper json) {
        this.forms = load(json);
    }

    public Optional<FormDefinition> find(String formId) {
        return formId == null ? Optional.empty() : Optional.ofNullable(forms.get(formId));
    }

    static Map<String, FormDefinition> load(ObjectMapper json) {
        Map<String, FormDefinition> forms = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode schema = json.readTree(in);
                    FormDefinition form = FormDefinition.of(schema);
                    forms.put(form.id(), form);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Camunda Forms could not be read from " + LOCATION, e);
        }
        return Map.copyOf(forms);
    }
}
