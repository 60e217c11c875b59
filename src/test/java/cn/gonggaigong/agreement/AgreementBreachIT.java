package cn.gonggaigong.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.project.ProjectRepository;
import cn.gonggaigong.task.WorkApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A deadline of the monitoring agreement passes with its milestone not done (Art. 13 (二), Art. 14): the engine's
 * job executor finds it by its timer, the breach is recorded and the town, NRB and the leading group's office are
 * told; the town explains it from its task list (checked like any form); the project page and the subsidy (Art. 19)
 * read the explanation; a later report has it done.
 */
class AgreementBreachIT extends WorkApiTestSupport {

    @Autowired
    ProjectRepository projects;
    @Autowired
    AgreementMilestoneRepository milestones;
    @Autowired
    AgreementClock clock;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDeadlinePassedIsFoundByItsTimerToldExplainedByTheTownAndWithholdsTheSubsidy() throws Exception {
        JsonNode applied = apply("zhanlong", "占陇镇协议逾期校验项目");
        long id = applied.get("id").asLong();
        String code = applied.get("code").asText();
        LocalDate today = WorkingDayCalendar.today();
        LocalDate demolition = today.minusDays(3);
        AgreementTestData.register(transactions, projects, milestones, id, "JG-IT-1", demolition, today.plusMonths(2),
                today.plusYears(2));
        assertThat(clock.agreementMet(id)).isTrue();
        cn.gonggaigong.TestMailServer.get().purgeEmailFromAllMailboxes();
        ProcessInstance supervision = runtimeService.startProcessInstanceByKey("ImplementationSupervision", code,
                Map.of("projectId", id, "townGroup", "town-zhanlong"));
        // Three deadlines followed; the demolition's was due at midnight after it, so the job executor takes it now.
        assertThat(managementService.createJobQuery().processInstanceId(supervision.getId())
                .activityId("IntermediateEvent_MilestoneOverdue").count()).isBetween(2L, 3L);

        String explain = awaitTask("zhanlong1", code, "Task_ExplainMilestoneBreach");
        AgreementMilestone late = milestones.findFirstByProjectIdAndTermOrderByIdDesc(id, "demolitionDeadline").orElseThrow();
        assertThat(late.getBreachedAt()).isNotNull();
        assertThat(late.getCompletedAt()).isNull();
        assertThat(milestones.findFirstByProjectIdAndTermOrderByIdDesc(id, "constructionStartDeadline").orElseThrow()
                .getBreachedAt()).isNull();

        // The town, NRB and the leading group's office are told, each once.
        List<String> told = jdbc.queryForList("select user_id from notification where title = ? and warning_id is null"
                + " order by user_id", String.class, "【协议时限逾期】占陇镇协议逾期校验项目");
        assertThat(told).contains("zhanlong1", "zhanlong2", "nrb-clerk", "nrb-director", "office1").doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("select body from notification where title = ? and user_id = 'office1'", String.class,
                "【协议时限逾期】占陇镇协议逾期校验项目"))
                .contains("占陇镇", code, "完成拆迁及补偿安置", demolition.toString(), "已逾期3天", "第十九条");
        assertThat(get("office1", "/api/notifications").raw()).contains("【协议时限逾期】占陇镇协议逾期校验项目");
        // And by e-mail, after the commit, to those with an address (the demo users have one).
        int withAddress = jdbc.queryForObject("select count(*) from notification where title = ? and email is not null",
                Integer.class, "【协议时限逾期】占陇镇协议逾期校验项目");
        assertThat(withAddress).isPositive();
        assertThat(cn.gonggaigong.TestMailServer.get().waitForIncomingEmail(30_000, withAddress)).isTrue();
        jakarta.mail.internet.MimeMessage mail = java.util.Arrays.stream(cn.gonggaigong.TestMailServer.get().getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals("zhanlong1@demo.invalid");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("【协议时限逾期】占陇镇协议逾期校验项目");
        assertThat((String) mail.getContent()).contains("完成拆迁及补偿安置", "请登录系统查看）").doesNotContain("回告");

        // The leading group's list: still not done, not yet explained; a town's officer may not read it.
        JsonNode breaches = get("office1", "/api/monitor/agreement-breaches?town=zhanlong&limit=500").body();
        JsonNode listed = breachOf(breaches, code);
        assertThat(listed.get("status").asText()).isEqualTo("已逾期");
        assertThat(listed.get("subjectResponsible").isNull()).isTrue();
        assertThat(listed.get("explanation").asText()).isEqualTo("乡镇尚未说明逾期情况");
        assertThat(get("zhanlong1", "/api/monitor/agreement-breaches").status()).isEqualTo(403);
        Answer badLimit = get("office1", "/api/monitor/agreement-breaches?limit=0");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.body().get("errors").findValuesAsText("field")).containsExactly("limit");
        assertThat(get("office1", "/api/monitor/agreement-breaches?town=houxi&limit=500").raw()).doesNotContain(code);
        // 导出 Excel: every one of the town's missed deadlines, in the list's order and words.
        org.springframework.mock.web.MockHttpServletResponse file = mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/api/monitor/agreement-breaches.xlsx?town=zhanlong").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("office1", "demo")))
                .andReturn().getResponse();
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getHeader("Content-Disposition")).contains("attachment").contains(".xlsx");
        try (org.apache.poi.ss.usermodel.Workbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(file.getContentAsByteArray()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(cn.gonggaigong.platform.Spreadsheets.NOTE_ROW).getCell(0).getStringCellValue())
                    .contains("范围：占陇镇").contains("共" + breaches.get("total").asLong() + "项");
            List<String> headers = new java.util.ArrayList<>();
            sheet.getRow(cn.gonggaigong.platform.Spreadsheets.HEADER_ROW).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactlyElementsOf(cn.gonggaigong.monitor.MonitorExports.BREACH_HEADERS);
            assertThat(sheet.getLastRowNum() - cn.gonggaigong.platform.Spreadsheets.FIRST_ROW + 1)
                    .isEqualTo(breaches.get("items").size()).isEqualTo(breaches.get("total").asInt());
            int r = cn.gonggaigong.platform.Spreadsheets.FIRST_ROW;
            for (JsonNode item : breaches.get("items")) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r++);
                assertThat(List.of(row.getCell(1).getStringCellValue(), row.getCell(3).getStringCellValue(),
                        row.getCell(4).getStringCellValue(), row.getCell(5).getStringCellValue(),
                        row.getCell(7).getStringCellValue(), row.getCell(9).getStringCellValue()))
                        .containsExactly(item.get("projectCode").asText(), item.get("townName").asText(),
                                item.get("milestone").asText(), item.get("deadline").asText(), item.get("status").asText(),
                                item.get("explanation").asText());
                assertThat(row.getCell(8).getStringCellValue()).isEqualTo(item.get("subjectResponsible").isNull() ? "待乡镇说明"
                        : item.get("subjectResponsible").asBoolean() ? "是" : "否");
            }
            assertThat(r).as("the project's missed deadline is in it").isGreaterThan(cn.gonggaigong.platform.Spreadsheets.FIRST_ROW);
        }
        assertThat(get("zhanlong1", "/api/monitor/agreement-breaches.xlsx").status()).isEqualTo(403);

        // The town's task says what is late and shows the agreement's terms.
        JsonNode task = get("zhanlong1", "/api/tasks/{id}", explain).body();
        assertThat(task.at("/data/breachedMilestone").asText())
                .isEqualTo("监管协议 JG-IT-1 约定「完成拆迁及补偿安置」期限为" + demolition + "，至今未完成（已逾期3天）。");
        assertThat(task.at("/data/agreementTerms").asText()).contains("完成拆迁及补偿安置：" + demolition + "（已逾期）");

        // Checked like any form: a promise in the past and a missing answer are field errors; nothing is recorded.
        Map<String, Object> form = new HashMap<>(Map.of("breachReason", "补偿安置谈判拖延", "remedy", "镇政府牵头协调，限期完成",
                "expectedCompletionDate", today.minusDays(1).toString()));
        Answer refused = post("zhanlong1", "/api/tasks/{id}/complete", form, explain);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        // Both at once (before, the date's rule waited until the answer was given).
        assertThat(refused.body().get("errors").findValuesAsText("field"))
                .containsExactly("subjectResponsible", "expectedCompletionDate");
        form.put("subjectResponsible", true);
        Answer past = post("zhanlong1", "/api/tasks/{id}/complete", form, explain);
        assertThat(past.status()).as(past.raw()).isEqualTo(400);
        assertThat(past.body().get("errors").findValuesAsText("field")).containsExactly("expectedCompletionDate");
        assertThat(milestones.findById(late.getId()).orElseThrow().getExplainedAt()).isNull();

        form.put("expectedCompletionDate", today.plusMonths(1).toString());
        Answer done = post("zhanlong1", "/api/tasks/{id}/complete", form, explain);
        assertThat(done.status()).as(done.raw()).isEqualTo(204);
        AgreementMilestone explained = milestones.findById(late.getId()).orElseThrow();
        assertThat(explained.getBreachReason()).isEqualTo("补偿安置谈判拖延");
        assertThat(explained.getSubjectResponsible()).isTrue();
        assertThat(explained.getExpectedDate()).isEqualTo(today.plusMonths(1));
        assertThat(explained.getExplainedBy()).isEqualTo("zhanlong1");
        // Art. 19: the subject's breach means the agreement is not met, whatever the later progress.
        assertThat(clock.agreementMet(id)).isFalse();

        JsonNode page = get("office1", "/api/projects/{id}/overview", id).body();
        assertThat(page.get("milestones").findValuesAsText("status")).containsExactly("已逾期", "未到期", "未到期");
        assertThat(page.get("milestones").get(0).get("explanation").asText())
                .isEqualTo("逾期原因：补偿安置谈判拖延；属改造主体责任：是；整改措施：镇政府牵头协调，限期完成；预计完成："
                        + today.plusMonths(1));

        // The next report has the demolition done: the milestone is done late, and its path in the model ends.
        complete("zhanlong1", code, "Task_ReportProgress", Map.of("reportMonth", today.toString().substring(0, 7),
                "progressPercent", 15, "demolitionCompleted", true, "constructionStarted", false, "constructionCompleted", false));
        assertThat(milestones.findById(late.getId()).orElseThrow().getCompletedAt()).isNotNull();
        assertThat(get("office1", "/api/projects/{id}/overview", id).body().get("milestones").findValuesAsText("status"))
                .containsExactly("逾期后完成", "未到期", "未到期");
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(supervision.getId())
                .eventType("conditional").list()).extracting(e -> e.getActivityId())
                .containsExactly("IntermediateEvent_MilestoneMet", "IntermediateEvent_MilestoneMet");
        assertThat(managementService.createJobQuery().processInstanceId(supervision.getId())
                .activityId("IntermediateEvent_MilestoneOverdue").count()).isEqualTo(2);
        JsonNode after = breachOf(get("office1", "/api/monitor/agreement-breaches?limit=500").body(), code);
        assertThat(after.get("status").asText()).isEqualTo("逾期后完成");
        assertThat(after.get("subjectResponsible").asBoolean()).isTrue();
        runtimeService.deleteProcessInstance(supervision.getId(), "测试结束");
    }

    private static JsonNode breachOf(JsonNode list, String code) {
        java.util.List<JsonNode> mine = new java.util.ArrayList<>();
        list.get("items").forEach(b -> {
            if (b.get("projectCode").asText().equals(code)) {
                mine.add(b);
            }
        });
        assertThat(mine).as("breaches of %s in %s", code, list).hasSize(1);
        return mine.get(0);
    }

    /** The task as it appears in the user's list once the job executor has run the timer (at most a minute). */
    private String awaitTask(String user, String code, String taskKey) throws Exception {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            List<JsonNode> found = tasksOf(user, code).stream()
                    .filter(t -> t.get("taskDefinitionKey").asText().equals(taskKey)).toList();
            if (!found.isEmpty()) {
                return found.get(0).get("taskId").asText();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(taskKey + " of " + code + " did not appear in " + user + "'s list within a minute");
    }
}
