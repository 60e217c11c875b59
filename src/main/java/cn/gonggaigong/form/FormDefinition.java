package cn.gonggaigong.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** One Camunda Form: its JSON schema (what form-js renders) and its input fields (what a submission may hold). */
public record FormDefinition(String id, JsonNode schema, List<FormField> fields) {

    public static FormDefinition of(JsonNode schema) {
        List<FormField> fields = new ArrayList<>();
        collect(schema.path("components"), fields);
        return new FormDefinition(schema.path("id").asText(), schema, List.copyOf(fields));
    }

    private static void collect(JsonNode components, List<FormField> fields) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                fields.add(FormField.of(component));
            }
            if (component.has("components")) {
                collect(component.get("components"), fields);
            }
        }
    }

    public Optional<FormField> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }
}
