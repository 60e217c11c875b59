package cn.gonggaigong.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gonggaigong.agreement.AgreementMilestoneRepository;
import cn.gonggaigong.agreement.AgreementTestData;
import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.project.ProjectRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A missed deadline of the monitoring agreement in a real browser: the town officer finds 说明协议时限逾期情况 in
 * 我的待办, reads what is late on the form, answers it and submits; the project page then shows the agreement's
 * deadlines, the late one with the town's explanation.
 */
class AgreementBreachBrowserIT extends BrowserTestSupport {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    ProjectRepository projects;
    @Autowired
    AgreementMilestoneRepository milestones;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    @Test
    void theTownExplainsAMissedDeadlineOnItsTaskAndTheProjectPageShowsIt() throws Exception {
        JsonNode project = new ProjectDriver(rest, json)
                .apply(validApplication(ProjectDriver.keyIndustryProject("占陇镇协议逾期浏览器测试项目", "zhanlong")));
        long id = project.get("id").asLong();
        String code = project.get("code").asText();
        LocalDate today = WorkingDayCalendar.today();
        LocalDate start = today.minusDays(1);
        AgreementTestData.register(transactions, projects, milestones, id, "JG-WEB-1", today.plusMonths(1), start,
                today.plusYears(2));
        String supervision = runtimeService.startProcessInstanceByKey("ImplementationSupervision", code,
                Map.of("projectId", id, "townGroup", "town-zhanlong")).getId();
        Task explain = awaitExplanationTask(supervision);

        logIn("zhanlong1");
        open("/tasks/" + explain.getId());
        waitUntilReady();
        WebElement late = find("[id$='-Field_breachedMilestone']");
        waiting().until(d -> !late.getDomProperty("value").isBlank());
        assertThat(late.getDomProperty("value")).isEqualTo("监管协议 JG-WEB-1 约定「动工建设」期限为" + start + "，至今未完成（已逾期1天）。");
        find("[id$='-Field_breachReason']").sendKeys("用地报批手续延误");
        find("[id$='-Field_subjectResponsible-1']").click(); // 否
        find("[id$='-Field_remedy']").sendKeys("已完成报批，督促本月动工");
        WebElement expected = find("[id$='-Field_expectedCompletionDate-date']");
        expected.click();
        expected.sendKeys(today.plusDays(20).toString(), Keys.ENTER);
        find("#submit-task").click();
        waiting().until(ExpectedConditions.urlMatches(".*/tasks$"));
        assertThat(taskService.createTaskQuery().taskId(explain.getId()).count()).isZero();

        open("/projects/" + id);
        List<WebElement> rows = waiting().until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#milestones tbody tr"));
            return found.size() == 3 ? found : null;
        });
        assertThat(rows).extracting(r -> r.getDomAttribute("data-status")).containsExactly("已逾期", "未到期", "未到期");
        assertThat(rows.get(0).getText()).contains("动工建设", start.toString(), "已逾期",
                "逾期原因：用地报批手续延误；属改造主体责任：否；整改措施：已完成报批，督促本月动工；预计完成：" + today.plusDays(20));
        // The timeline names the town's answer to what it decides (Art. 19 reads it).
        assertThat(find("#timeline li[data-activity-name='说明协议时限逾期情况']").getText()).contains("占陇镇")
                .contains("逾期是否属改造主体责任：否");
        runtimeService.deleteProcessInstance(supervision, "测试结束");
    }

    /** The town's task, once the job executor has run the timer of the missed deadline (at most a minute). */
    private Task awaitExplanationTask(String processInstanceId) throws InterruptedException {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            Task task = taskService.createTaskQuery().processInstanceId(processInstanceId)
                    .taskDefinitionKey("Task_ExplainMilestoneBreach").singleResult();
            if (task != null) {
                return task;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("说明协议时限逾期情况 did not appear within a minute");
    }
}
