package cn.gonggaigong.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The realm's groups are exactly the offices the models, the town table and the authorization rules name. */
class RealmGroupsTest {

    private static final Pattern TOWN_ROW = Pattern.compile("'(town-[a-z]+)'\\)");
    private static final Pattern DEPARTMENT = Pattern.compile("dept-[a-z]+");

    @Test
    void realmGroupsAreTheTownsTheDepartmentsAndTheCityOffices() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(Path.of("keycloak-realm.json").toFile());
        Set<String> realmGroups = new TreeSet<>();
        realm.get("groups").forEach(group -> {
            realmGroups.add(group.get("name").asText());
            assertThat(group.path("attributes").path("displayName").path(0).asText())
                    .as("Chinese display name of %s", group.get("name"))
                    .matches(".*\\p{IsHan}.*");
        });

        Set<String> expected = new TreeSet<>(Groups.CITY_OFFICES);
        expected.add(Groups.APPLICANTS);
        expected.addAll(matches(TOWN_ROW, Path.of("src/main/resources/db/migration/V1__business_tables.sql")));
        try (Stream<Path> rules = Files.list(Path.of("processes"))) {
            for (Path dmn : rules.filter(p -> p.toString().endsWith(".dmn")).toList()) {
                expected.addAll(matches(DEPARTMENT, dmn));
            }
        }

        assertThat(expected).filteredOn(Groups::isTown).hasSize(29);
        assertThat(realmGroups).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static Set<String> matches(Pattern pattern, Path file) throws IOException {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(Files.readString(file));
        while (m.find()) {
            found.add(m.groupCount() > 0 ? m.group(1) : m.group());
        }
        return found;
    }
}
