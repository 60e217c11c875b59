package cn.gonggaigong.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

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
 * the task stays open; dated today it completes, and the share is stored as the task page stores it. Tasklist and
 * Camunda's welcome page are in Chinese; an officer is not offered the controls that only administrators may use.
 */
class TasklistBrowserIT extends BrowserTestSupport {

    /** What Tasklist's 发起流程 says with no process to choose (locales/zh.json). */
    private static final String NO_PROCESS_TO_START = "暂无可用的流程定义。";

    /** form-js's own date format in Tasklist (month/day/year). */
    private static final DateTimeFormatter TASKLIST_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService taskService;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    HistoryService historyService;

    @Test
    void anOfficerCompletesATaskInTasklistUnderTheProductsChecks() throws Exception {
        ProjectDriver driver = new ProjectDriver(rest, json);
        JsonNode project = driver.apply(validApplication(ProjectDriver.keyIndustryProject("占陇镇任务列表办理项目", "zhanlong")));
        String task = driver.tasks("zhanlong1", project.get("code").asText(), "Task_SurveyWillingness").get(0).get("id").asText();
        String instance = taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();

        logIn("zhanlong1");
        // Tasklist opens with the filter 本部门任务, the town's tasks (全部任务 is there too); the officer opens the new
        // one from the list.
        browser.get(url("/camunda/app/tasklist/default/"));
        waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("全部任务"));
        waiting().until(d -> d.findElements(By.cssSelector(".task-filter.active .name")).stream()
                .anyMatch(e -> e.getText().contains("本部门任务")));
        find(".tasks-list a[href*='task=" + task + "']").click();
        // The card and the opened task name the project: Tasklist itself gives the task's and the process's names only.
        String line = "项目：占陇镇任务列表办理项目（" + project.get("code").asText() + "）· 占陇镇 · 纳入年度实施计划";
        waiting().until(d -> d.findElements(By.cssSelector(".task-card .names .ggg-project")).stream()
                .anyMatch(e -> e.getText().equals(line)));
        WebElement card = find(".tasks-list a[href*='task=" + task + "']")
                .findElement(By.xpath("ancestor::li[contains(concat(' ', @class, ' '), ' task ')]"));
        assertThat(card.findElement(By.cssSelector(".names .ggg-project")).getText()).isEqualTo(line);
        // In Chinese (zh is Tasklist's only locale), and without the controls that the server refuses an officer.
        WebElement claim = waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")));
        assertThat(claim.getText()).isEqualTo("认领");
        waiting().until(d -> pageMarkedAs("ggg-officer"));
        assertThat(find(".task-details .due-date").getText()).as("the deadline, in Chinese").containsPattern("\\d+ 天后");
        assertHidden(".task-details [translate='SET_FOLLOW_UP_DATE']", ".create-task-action", ".start-process-action",
                ".ce-eol-banner");
        assertThat(find(".task-details .due-date").getCssValue("pointer-events")).isEqualTo("none");
        assertThat(find(".task-details .groups > span").getText()).isEqualTo("占陇镇");
        assertThat(find(".task-details .groups > span").getCssValue("pointer-events")).isEqualTo("none");
        claim.click();
        waiting().until(d -> taskService.createTaskQuery().taskId(task).singleResult().getAssignee() != null);
        // A Chinese name, family name first (WebappNameOrderFilter): the task's assignee, on its card and its page, and
        // the user in the header; not Tasklist's own "{firstName} {lastName}", 经办员 占陇镇.
        // Tasklist draws the list again after the claim: a card read while it does so is gone, and read again.
        waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(".tasks-list h5.assignee")).stream()
                .anyMatch(e -> e.getText().equals("占陇镇经办员")));
        waiting().until(d -> d.findElement(By.cssSelector(".task-details")).getText().contains("占陇镇经办员"));
        assertThat(find("[cam-widget-header]").getText()).contains("占陇镇经办员");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("经办员 占陇镇");

        find("[id$='-Field_willingnessAgreed-0']").click();
        // form-js's own checks of a field are said in Chinese too, and change as the value does.
        WebElement agreePercent = find("[id$='-Field_agreePercent']");
        agreePercent.sendKeys("150", Keys.TAB);
        waiting().until(d -> d.findElements(By.cssSelector(".fjs-form-field-error")).stream()
                .anyMatch(e -> e.getText().contains("不能大于100")));
        agreePercent.sendKeys(Keys.chord(Keys.CONTROL, "a"), "-5", Keys.TAB);
        waiting().until(d -> d.findElements(By.cssSelector(".fjs-form-field-error")).stream()
                .anyMatch(e -> e.getText().contains("不能小于0")));
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Field must", "不能大于100");
        agreePercent.sendKeys(Keys.chord(Keys.CONTROL, "a"), "95", Keys.TAB);
        waiting().until(d -> d.findElements(By.cssSelector("[id$='-Field_agreePercent-error-message']")).isEmpty());
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
        // An opinion typed in Chinese arrives whole (a walkthrough's typing tool could not tell).
        String opinion = "经入户摸查，权利人同意改造；附：摸查记录（2026）第3号。";
        inView(find("[id$='-Field_opinion']")).sendKeys(opinion);
        complete();
        waiting().until(d -> taskService.createTaskQuery().taskId(task).count() == 0);
        assertThat(jdbc.queryForObject("select opinion from decision_record where process_instance_id = ?"
                + " and task_definition_key = 'Task_SurveyWillingness'", String.class, instance)).isEqualTo(opinion);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("agreePercent").singleResult().getValue()).isEqualTo(95.0);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("surveyDate").singleResult().getValue()).isEqualTo(today.toString());
    }

    @Test
    void anAdministratorKeepsTasklistsControlsAndNoProcessIsOfferedToStart() throws Exception {
        ProjectDriver driver = new ProjectDriver(rest, json);
        JsonNode project = driver.apply(validApplication(ProjectDriver.keyIndustryProject("管理员任务列表查看项目", "zhanlong")));
        String task = driver.tasks("zhanlong1", project.get("code").asText(), "Task_SurveyWillingness").get(0).get("id").asText();

        logIn("admin"); // the realm's administrator (group admins), whom the server lets change tasks
        browser.get(url("/camunda/app/tasklist/default/#/?task=" + task));
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")));
        waiting().until(d -> pageMarkedAs("ggg-administrator"));
        assertThat(find(".task-details [translate='SET_FOLLOW_UP_DATE']").getText()).isEqualTo("设置跟进日期");
        assertThat(find(".ce-eol-banner").getText()).as("Camunda's notice of its end of life").contains("Camunda 8");
        find(".start-process-action a").click();
        // Every process of the product is started by the product (isStartableInTasklist="false"): none to choose.
        WebElement none = find(".modal-dialog .modal-body .well");
        assertThat(none.getText()).isEqualTo(NO_PROCESS_TO_START);
        assertThat(browser.findElements(By.cssSelector(".modal-dialog .available-processes"))).isEmpty();
    }

    @Test
    void anOfficerWhoseColleagueClaimedTheTaskFirstIsToldSoInChinese() throws Exception {
        ProjectDriver driver = new ProjectDriver(rest, json);
        JsonNode project = driver.apply(validApplication(ProjectDriver.keyIndustryProject("占陇镇两人同时认领浏览器项目", "zhanlong")));
        String task = driver.tasks("zhanlong1", project.get("code").asText(), "Task_SurveyWillingness").get(0).get("id").asText();

        logIn("zhanlong2");
        browser.get(url("/camunda/app/tasklist/default/#/?task=" + task));
        WebElement claim = waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")));
        taskService.claim(task, "zhanlong1"); // a colleague, a moment earlier
        claim.click();
        waiting().until(d -> d.findElement(By.cssSelector(".page-notifications")).getText().contains("该任务已被他人认领"));
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("zhanlong1");
    }

    @Test
    void camundasWelcomePageIsInChineseAndLeadsToTheProductsPages() {
        logIn("zhanlong1");
        browser.get(url("/camunda/app/welcome/default/"));
        WebElement inbox = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.linkText("我的待办")));
        assertThat(inbox.getDomAttribute("href")).isEqualTo("/");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("任务列表", "领导小组监控");
        waiting().until(d -> pageMarkedAs("ggg-officer"));
        assertHidden(".ce-eol-banner", ".action-links a[ng-click=\"showForm('profile')\"]"); // 编辑个人资料: administrators'
        assertThat(browser.findElement(By.linkText("修改密码")).isDisplayed()).as("one's own password").isTrue();
        inbox.click();
        waiting().until(ExpectedConditions.urlContains("/tasks"));
    }

    /** Each selector finds an element on the page, and none of them is displayed. */
    private static void assertHidden(String... selectors) {
        for (String selector : selectors) {
            List<WebElement> found = browser.findElements(By.cssSelector(selector));
            assertThat(found).as(selector).isNotEmpty().noneMatch(WebElement::isDisplayed);
        }
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
