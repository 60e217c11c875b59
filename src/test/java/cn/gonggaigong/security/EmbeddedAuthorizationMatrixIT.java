package cn.gonggaigong.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gonggaigong.web.ProjectDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The authorization matrix on the embedded default: the realm's users in Camunda's identity, HTTP Basic. */
class EmbeddedAuthorizationMatrixIT extends AuthorizationMatrixContract {

    @Autowired
    private AuthorizationService authorizationService;
    @Autowired
    private HistoryService historyService;

    @Override
    protected HttpHeaders authenticate(String username) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(username, "demo");
        return headers;
    }

    /** The engine grants a project's town and applicant the reading of each of its instances when the instance
     * starts, inside whatever action started it; the user operation log does not put those grants on the person who
     * took that action (here NRB's clerk, confirming the fast track, starts the subject's confirmation). A grant made
     * by hand is still logged as theirs. */
    @Test
    void theEnginesOwnGrantsAreNotLoggedAsTheOperationsOfWhoeverStartedTheInstance() throws Exception {
        ProjectDriver driver = new ProjectDriver(rest, json);
        String code = driver.apply(validApplication(ProjectDriver.keyIndustryProject("占陇镇授权日志测试项目", "zhanlong")))
                .get("code").asText();
        driver.toSubjectConfirmation(code, "zhanlong1");
        HistoricProcessInstance confirmation = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(code).processDefinitionKey("SubjectConfirmation").singleResult();
        assertThat(confirmation.getStartUserId()).isEqualTo("nrb-clerk");
        List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(code).list();
        assertThat(instances).hasSizeGreaterThanOrEqualTo(3); // the lifecycle, its intake, the subject's confirmation
        for (HistoricProcessInstance instance : instances) {
            assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.HISTORIC_PROCESS_INSTANCE)
                    .resourceId(instance.getId()).list())
                    .extracting(g -> g.getGroupId() == null ? g.getUserId() : g.getGroupId())
                    .contains("town-zhanlong"); // and applicant1 where the instance knows the applicant
            assertThat(grantsLoggedOn(instance.getId())).as("operation log of the grants on %s", instance.getId()).isEmpty();
        }

        ResponseEntity<String> byHand = exchange("admin", HttpMethod.POST, "/engine-rest/authorization/create",
                Map.of("type", 1, "permissions", List.of("READ"), "userId", "applicant2",
                        "resourceType", Resources.PROCESS_INSTANCE.resourceType(), "resourceId", confirmation.getId()));
        assertThat(byHand.getStatusCode()).as(byHand.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode grant = read(byHand.getBody());
        try {
            assertThat(grantsLoggedOn(confirmation.getId())).extracting(UserOperationLogEntry::getUserId)
                    .containsExactly("admin");
        } finally {
            authorizationService.deleteAuthorization(grant.get("id").asText());
        }
    }

    private List<UserOperationLogEntry> grantsLoggedOn(String instanceId) {
        return historyService.createUserOperationLogQuery().entityType("Authorization").property("resourceId").list()
                .stream().filter(e -> instanceId.equals(e.getNewValue())).toList();
    }
}
