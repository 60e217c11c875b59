package cn.gonggaigong.security.keycloak;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Users of the realm log in (password grant), and Camunda's identity is the realm's (Keycloak identity plugin). */
class KeycloakIdentityIT extends KeycloakApplicationTestSupport {

    @Autowired
    IdentityService identityService;

    @Autowired
    ProcessEngine engine;

    @ParameterizedTest
    @CsvSource({
            "zhanlong1,    town-zhanlong",
            "liushadong2,  town-liushadong",
            "nrb-clerk,    nrb",
            "leader1,      leading-group",
            "czj1,         dept-czj",
            "applicant1,   applicants"})
    void passwordGrantGivesATokenWithUserNameAndGroups(String username, String group) {
        String token = keycloak().passwordGrant(username, DEMO_PASSWORD);

        JsonNode claims = KeycloakServer.claims(token);
        assertThat(claims.path("iss").asText()).isEqualTo(keycloak().issuer());
        assertThat(claims.path("typ").asText()).isEqualTo("Bearer");
        assertThat(claims.path("preferred_username").asText()).isEqualTo(username);
        assertThat(strings(claims.path("groups"))).containsExactly(group);
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        withUser("wrong-pw", username -> assertThatThrownBy(() -> keycloak().passwordGrant(username, "wrong"))
                .hasMessageContaining("401"));
    }

    /**
     * Guessing is stopped (keycloak-realm.json: bruteForceProtected): five wrong passwords in a row, even a second
     * apart, lock the account for a while, and then the right password is refused too. Before, any number of tries
     * was allowed.
     */
    @Test
    void fiveWrongPasswordsLockTheAccountForAWhile() {
        withUser("guessed", username -> {
            assertThat(keycloak().passwordGrant(username, PROBE_PASSWORD)).isNotBlank();
            for (int i = 0; i < 5; i++) {
                pause(); // slower than the quick-login check (one second), which would lock it at the second try
                assertThatThrownBy(() -> keycloak().passwordGrant(username, "guess")).hasMessageContaining("failed");
            }
            assertThatThrownBy(() -> keycloak().passwordGrant(username, PROBE_PASSWORD)).hasMessageContaining("failed");
            JsonNode status = bruteForceStatus(username);
            assertThat(status.path("disabled").asBoolean()).as(status.toString()).isTrue();
            assertThat(status.path("numFailures").asInt()).as(status.toString()).isEqualTo(5);
        });
    }

    /** Wrong passwords within a second of each other, as a script tries them, lock the account at the second. */
    @Test
    void guessesInQuickSuccessionLockTheAccountAtOnce() {
        withUser("scripted", username -> {
            assertThatThrownBy(() -> keycloak().passwordGrant(username, "guess1")).hasMessageContaining("failed");
            assertThatThrownBy(() -> keycloak().passwordGrant(username, "guess2")).hasMessageContaining("failed");
            assertThatThrownBy(() -> keycloak().passwordGrant(username, PROBE_PASSWORD)).hasMessageContaining("failed");
            assertThat(bruteForceStatus(username).path("disabled").asBoolean()).isTrue();
        });
    }

    /** Keycloak's brute-force record of a user: disabled (locked now), numFailures. */
    private static JsonNode bruteForceStatus(String username) {
        String id = keycloak().adminJson("/" + keycloak().realm() + "/users?exact=true&username=" + username)
                .get(0).path("id").asText();
        return keycloak().adminJson("/" + keycloak().realm() + "/attack-detection/brute-force/users/" + id);
    }

    private static void pause() {
        try {
            Thread.sleep(1200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final String PROBE_PASSWORD = "Probe-2026-ok";

    /** Runs {@code test} with a new user of the realm, removed afterwards (wrong passwords lock an account). */
    private static void withUser(String name, java.util.function.Consumer<String> test) {
        String username = name + "-" + Long.toString(System.nanoTime(), 36);
        String id = keycloak().createUser(username, PROBE_PASSWORD);
        try {
            test.accept(username);
        } finally {
            keycloak().deleteUser(id);
        }
    }

    @Test
    void camundaListsTheRealmsUsersByUserName() {
        List<String> ids = identityService.createUserQuery().list().stream().map(User::getId).toList();
        assertThat(ids).contains("zhanlong1", "zhanlong2", "liushadong1", "nrb-clerk", "nrb-director", "leader1",
                "committee1", "gov1", "czj1", "applicant1", "admin");

        User zhanlong1 = identityService.createUserQuery().userId("zhanlong1").singleResult();
        assertThat(zhanlong1.getFirstName()).isEqualTo("经办员");
        assertThat(zhanlong1.getLastName()).isEqualTo("占陇镇");
        assertThat(zhanlong1.getEmail()).isEqualTo("zhanlong1@demo.invalid");
    }

    @Test
    void camundaListsEveryGroupOfTheRealmByItsFlatName() throws Exception {
        JsonNode realm = new ObjectMapper().readTree(Path.of("keycloak-realm.json").toFile());
        Set<String> realmGroups = StreamSupport.stream(realm.path("groups").spliterator(), false)
                .map(group -> group.path("name").asText())
                .collect(Collectors.toSet());

        Set<String> camundaGroups = identityService.createGroupQuery().list().stream()
                .map(Group::getId)
                .collect(Collectors.toSet());

        assertThat(camundaGroups).containsExactlyInAnyOrderElementsOf(realmGroups);
        assertThat(camundaGroups).contains("town-zhanlong", "town-liushadong", "nrb", "planning-committee",
                "municipal-government", "leading-group", "dept-czj", "applicants", "admins");
        assertThat(identityService.createGroupQuery().groupId("town-zhanlong").singleResult().getName())
                .isEqualTo("town-zhanlong");
    }

    @Test
    void camundaKnowsTheMemberships() {
        assertThat(identityService.createGroupQuery().groupMember("zhanlong1").list())
                .extracting(Group::getId).containsExactly("town-zhanlong");
        assertThat(identityService.createGroupQuery().groupMember("nrb-clerk").list())
                .extracting(Group::getId).containsExactly("nrb");
        assertThat(identityService.createUserQuery().memberOfGroup("town-zhanlong").list())
                .extracting(User::getId).containsExactlyInAnyOrder("zhanlong1", "zhanlong2");
    }

    @Test
    void camundaChecksPasswordsAtKeycloak() {
        assertThat(identityService.checkPassword("zhanlong1", DEMO_PASSWORD)).isTrue();
        withUser("check-pw", username -> {
            assertThat(identityService.checkPassword(username, PROBE_PASSWORD)).isTrue();
            assertThat(identityService.checkPassword(username, "wrong")).isFalse();
        });
    }

    @Test
    void theRealmsAdminsGroupAdministersCamundaAndNoDemoUserIsCreated() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getAdminGroups())
                .contains("admins");
        assertThat(identityService.isReadOnly()).isTrue();
        assertThat(identityService.createUserQuery().userId("demo").count()).isZero();
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
