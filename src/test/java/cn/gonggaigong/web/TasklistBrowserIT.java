package cn.gonggaigong.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import cn.gonggaigong.clock.WorkingDayCalendar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A town officer finds a task in Camunda Tasklist's list and completes it, in a real browser, with the Camunda Form
 * the models name:
 * a survey dated after today is refused by the product's checks with the reason in Chinese, shown in Tasklist, and
 * the task stays open; dated today it completes, and the share is stored as the task page stores it.
 */
class TasklistBrowserIT extends BrowserTestSupport {

    /** form-js's own date format in Tasklist (month/day/year). */
    private static final DateTimeFormatter TASKLIST_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    @Test
    void anOfficerCompletesATaskInTasklistUnderTheProductsChecks() throws Exception {
        ProjectDriver driver = new ProjectDriver(rest, json);
        JsonNode project = driver.apply(validApplication(ProjectDriver.keyIndustryProject("占陇镇任务列表办理项目", "zhanlong")));
        String task = driver.tasks("zhanlong1", project.get("code").asText(), "Task_SurveyWillingness").get(0).get("id").asText();
        String instance = taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();

        logIn("zhanlong1");
        // Tasklist lists the town's tasks under the filter 全部任务; the officer opens the new one from the list.
        browser.get(url("/camunda/app/tasklist/default/"));
        waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("全部任务"));
        find(".tasks-list a[href*='task=" + task + "']").click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        waiting().until(d -> taskService.createTaskQuery().taskId(task).singleResult().getAssignee() != null);

        find("[id$='-Field_willingnessAgreed-0']").click();
        find("[id$='-Field_agreePercent']").sendKeys("95");
        LocalDate today = WorkingDayCalendar.today();
        WebElement surveyDate = find("[id$='-Field_surveyDate-date']");
        inView(surveyDate).click();
        surveyDate.sendKeys(today.plusDays(1).format(TASKLIST_DATE), Keys.ENTER);
        complete();
        waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("不能晚于今天"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("表单校验未通过（摸查改造意愿）");
        assertThat(taskService.createTaskQuery().taskId(task).count()).as("the task stays open").isEqualTo(1);
        // The officer reads it and closes it; it covers the Complete button.
        browser.findElement(By.cssSelector(".page-notifications button.close[ng-click^='removeNotification']")).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".page-notifications .alert")));

        inView(surveyDate).click();
        surveyDate.sendKeys(Keys.chord(Keys.CONTROL, "a"), today.format(TASKLIST_DATE), Keys.ENTER);
        complete();
        waiting().until(d -> taskService.createTaskQuery().taskId(task).count() == 0);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("agreePercent").singleResult().getValue()).isEqualTo(95.0);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("surveyDate").singleResult().getValue()).isEqualTo(today.toString());
    }

    private void complete() {
        inView(find(".form-actions button.btn-primary")).click();
    }

    /** Tasklist's footer covers the bottom of its task pane: the element is brought to the middle first. */
    private static WebElement inView(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        return element;
    }
}
