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
        assertThatThrownBy(() -> keycloak().passwordGrant("zhanlong1", "wrong"))
                .hasMessageContaining("401");
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
        assertThat(identityService.checkPassword("zhanlong1", "wrong")).isFalse();
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
