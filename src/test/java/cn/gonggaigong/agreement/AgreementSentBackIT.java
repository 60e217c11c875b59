package cn.gonggaigong.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.Map;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.task.WorkApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A monitoring agreement is signed as drafted or sent back (退回) with a reason to NRB, who drafts it again: the
 * renovation subject who cannot accept a deadline, or the government. The deadlines followed are the last draft's,
 * not both drafts'.
 */
class AgreementSentBackIT extends WorkApiTestSupport {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    AgreementMilestoneRepository milestones;

    @Test
    void theSubjectOrTheGovernmentSendsTheDraftBackAndTheRedraftsDeadlinesAreTheOnesFollowed() throws Exception {
        JsonNode applied = apply("zhanlong", "占陇镇监管协议退回项目");
        long id = applied.get("id").asLong();
        String code = applied.get("code").asText();
        LocalDate today = WorkingDayCalendar.today();
        ProcessInstance agreement = runtimeService.startProcessInstanceByKey("MonitoringAgreement", code,
                Map.of("projectId", id, "applicant", "applicant1"));

        complete("nrb-clerk", code, "Task_DraftMonitoringAgreement", draft("JG-IT-S1", today.plusMonths(7)));
        String sign = taskId("applicant1", code, "Task_SignAgreementAsSubject");
        JsonNode signing = get("applicant1", "/api/tasks/{id}", sign).body();
        assertThat(signing.get("sendBackAllowed").asBoolean()).isTrue();
        assertThat(signing.at("/sendBackTo/name").asText()).isEqualTo("拟定实施监管协议");
        Answer back = post("applicant1", "/api/tasks/{id}/send-back", Map.of("reason", "开工时限过紧，请延后两个月"), sign);
        assertThat(back.status()).as(back.raw()).isEqualTo(204);

        // NRB drafts again (the reason is on record); only the new draft's deadlines are followed.
        assertThat(get("nrb-clerk", "/api/projects/{id}/overview", id).raw()).contains("开工时限过紧，请延后两个月");
        complete("nrb-clerk", code, "Task_DraftMonitoringAgreement", draft("JG-IT-S2", today.plusMonths(9)));
        assertThat(milestones.findByProjectIdOrderByDeadlineAsc(id))
                .extracting(AgreementMilestone::getAgreementNumber, AgreementMilestone::getTerm, AgreementMilestone::getDeadline)
                .containsExactly(tuple("JG-IT-S2", "demolitionDeadline", today.plusMonths(4)),
                        tuple("JG-IT-S2", "constructionStartDeadline", today.plusMonths(9)),
                        tuple("JG-IT-S2", "completionDeadline", today.plusYears(3)));

        // The subject signs; the government may send it back too.
        complete("applicant1", code, "Task_SignAgreementAsSubject", Map.of("subjectSignedDate", today.toString(),
                "subjectAccepted", true));
        Answer governmentBack = post("gov1", "/api/tasks/{id}/send-back", Map.of("reason", "竣工时限应与方案分期一致"),
                taskId("gov1", code, "Task_SignAgreementAsGovernment"));
        assertThat(governmentBack.status()).as(governmentBack.raw()).isEqualTo(204);
        assertThat(taskId("nrb-clerk", code, "Task_DraftMonitoringAgreement")).isNotBlank();
        runtimeService.deleteProcessInstance(agreement.getId(), "测试结束");
    }

    private static Map<String, Object> draft(String number, LocalDate constructionStart) {
        LocalDate today = WorkingDayCalendar.today();
        return Map.of("agreementNumber", number, "demolitionDeadline", today.plusMonths(4).toString(),
                "constructionStartDeadline", constructionStart.toString(), "completionDeadline", today.plusYears(3).toString());
    }
}
