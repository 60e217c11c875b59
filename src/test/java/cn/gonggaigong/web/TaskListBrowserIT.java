package cn.gonggaigong.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.gonggaigong.clock.WorkingDayCalendar;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 我的待办's deadlines in a real browser: a late task carries its overdue and red-card badges and comes first, a
 * deadline in a year without the State Council's holiday notice is marked provisional, a claimed task names its
 * officer, the "only overdue" filter keeps only late work, and the list pages.
 */
class TaskListBrowserIT extends BrowserTestSupport {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WorkingDayCalendar calendar;

    @Test
    void lateWorkIsMarkedFirstAndFilteredAndTheListPages() throws Exception {
        ProjectDriver driver = new ProjectDriver(rest, json);
        JsonNode late = driver.apply(validApplication(ProjectDriver.keyIndustryProject("流沙东街道超期测试项目", "liushadong")));
        JsonNode onTime = driver.apply(validApplication(ProjectDriver.keyIndustryProject("流沙东街道期限内测试项目", "liushadong")));
        String lateTask = driver.tasks("liushadong1", late.get("code").asText(), "Task_SurveyWillingness").get(0).get("id").asText();
        String onTimeTask = driver.tasks("liushadong1", onTime.get("code").asText(), "Task_SurveyWillingness").get(0).get("id").asText();
        // What the statutory clock and the escalation do: due dates on the tasks, a red card on the late one.
        taskService.setDueDate(lateTask, Date.from(Instant.now().minus(10, ChronoUnit.DAYS)));
        taskService.claim(lateTask, "liushadong1");
        // Due in the first year whose State Council notice is not in the application: a provisional deadline.
        int withoutNotice = java.util.Collections.max(calendar.years().keySet()) + 1;
        taskService.setDueDate(onTimeTask, Date.from(WorkingDayCalendar.endOf(java.time.LocalDate.of(withoutNotice, 3, 1))));
        jdbc.update("""
                insert into task_warning (project_id, town_code, task_id, task_definition_key, task_name, responsible_group,
                                          grade, due_at, raised_at, message)
                values (?, 'liushadong', ?, 'Task_SurveyWillingness', '摸查改造意愿', 'town-liushadong', 'RED', now(), now(), '已超期')
                """, late.get("id").asLong(), lateTask);
        // And the leading group urged it (催办).
        jdbc.update("""
                insert into task_warning (project_id, town_code, task_id, task_definition_key, task_name, responsible_group,
                                          grade, due_at, raised_at, raised_by, message)
                values (?, 'liushadong', ?, 'Task_SurveyWillingness', '摸查改造意愿', 'town-liushadong', 'URGE', now(), now(),
                        'leader1', '请本周内办结')
                """, late.get("id").asLong(), lateTask);

        logIn("liushadong1");
        List<String> order = browser.findElements(By.cssSelector("#task-table tbody tr[data-task-id]")).stream()
                .map(r -> r.getDomAttribute("data-task-id")).toList();
        assertThat(order).contains(lateTask, onTimeTask);
        assertThat(order.indexOf(lateTask)).isLessThan(order.indexOf(onTimeTask));
        WebElement lateRow = row(lateTask);
        assertThat(lateRow.getDomAttribute("class")).contains("overdue");
        assertThat(lateRow.findElement(By.cssSelector(".badge.overdue")).getText()).startsWith("已超期");
        assertThat(lateRow.findElement(By.cssSelector("[data-warning='RED']")).getText()).contains("红牌");
        assertThat(lateRow.findElement(By.cssSelector("[data-urged]")).getText()).isEqualTo("被催办");
        assertThat(row(onTimeTask).findElements(By.cssSelector("[data-urged]"))).isEmpty();
        assertThat(row(onTimeTask).findElement(By.cssSelector(".badge")).getText()).matches("剩余 \\d+ 个工作日");
        WebElement provisional = row(onTimeTask).findElement(By.cssSelector("[data-due-provisional]"));
        assertThat(provisional.getText()).isEqualTo("期限暂估");
        assertThat(provisional.getDomAttribute("title")).contains("节假日安排尚未发布");
        assertThat(lateRow.findElements(By.cssSelector("[data-due-provisional]"))).isEmpty();
        // Who works on each: the officer who claimed it, by name; the other waits for someone to claim it.
        assertThat(lateRow.findElement(By.cssSelector("td.assignee")).getText()).isEqualTo("流沙东街道经办员（liushadong1）");
        assertThat(row(onTimeTask).findElement(By.cssSelector("td.assignee")).getText()).isEqualTo("待签收");

        find("#filter-overdue").click();
        find("#filter-submit").click();
        waiting().until(ExpectedConditions.urlContains("overdue=true"));
        waitUntilReady();
        List<WebElement> overdue = browser.findElements(By.cssSelector("#task-table tbody tr[data-task-id]"));
        assertThat(overdue).extracting(r -> r.getDomAttribute("data-task-id")).contains(lateTask).doesNotContain(onTimeTask);
        assertThat(overdue).allSatisfy(r -> assertThat(r.getDomAttribute("class")).contains("overdue"));

        open("/tasks?size=1");
        assertThat(find("#page-position").getText()).matches("第 1 / \\d+ 页");
        String first = find("#task-table tbody tr[data-task-id]").getDomAttribute("data-task-id");
        assertThat(browser.findElements(By.cssSelector("#task-table tbody tr[data-task-id]"))).hasSize(1);
        find("a[rel='next']").click();
        waiting().until(ExpectedConditions.urlContains("page=1"));
        waitUntilReady();
        assertThat(find("#page-position").getText()).startsWith("第 2 / ");
        assertThat(find("#task-table tbody tr[data-task-id]").getDomAttribute("data-task-id")).isNotEqualTo(first);
        assertThat(find("a[rel='prev']").getText()).isEqualTo("上一页");
    }

    /**
     * On a narrow screen (a phone, 500 px) the list's table scrolls sideways by itself; the page with its header does
     * not, nor do the task's page (its 办理意见 and 转办 boxes) and the project's page (its 当前待办 table in its box).
     */
    @Test
    void onANarrowScreenOnlyTheTableScrollsSideways() throws Exception {
        ProjectDriver driver = new ProjectDriver(rest, json);
        JsonNode project = driver.apply(validApplication(ProjectDriver.keyIndustryProject("流沙东街道窄屏测试项目", "liushadong")));
        org.openqa.selenium.Dimension size = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(500, 800));
        try {
            logIn("liushadong1");
            find("#task-table tbody tr[data-task-id]");
            org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
            assertThat((Boolean) js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("the page does not scroll sideways").isTrue();
            assertThat((Boolean) js.executeScript("""
                    const box = document.getElementById('task-table').parentElement;
                    return getComputedStyle(box).overflowX === 'auto' && box.scrollWidth > box.clientWidth;"""))
                    .as("the table scrolls in its box").isTrue();

            String task = driver.tasks("liushadong1", project.get("code").asText(), "Task_SurveyWillingness").get(0)
                    .get("id").asText();
            open("/tasks/" + task);
            waitUntilReady();
            find("#comment-text");
            assertThat((Boolean) js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("the task's page does not scroll sideways").isTrue();
            open("/projects/" + project.get("id").asText());
            waitUntilReady();
            find("#open-tasks");
            assertThat((Boolean) js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("the project's page does not scroll sideways").isTrue();
        } finally {
            browser.manage().window().setSize(size);
        }
    }

    /**
     * A project whose process an administrator suspended (挂起) in Cockpit: its task is marked 已挂起 in the list, and its
     * page says why nothing can be done and offers no 签收, 提交 or 添加意见.
     */
    @Test
    void aSuspendedProjectsTaskIsMarkedAndItsPageOffersNothingToDo() throws Exception {
        ProjectDriver driver = new ProjectDriver(rest, json);
        JsonNode project = driver.apply(validApplication(ProjectDriver.keyIndustryProject("流沙东街道挂起测试项目", "liushadong")));
        String task = driver.tasks("liushadong2", project.get("code").asText(), "Task_SurveyWillingness").get(0).get("id").asText();
        String instance = taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
        runtimeService.suspendProcessInstanceById(instance);
        try {
            logIn("liushadong2");
            assertThat(row(task).findElement(By.cssSelector("[data-suspended]")).getText()).isEqualTo("已挂起");

            open("/tasks/" + task);
            waiting().until(d -> !d.findElement(By.id("form-message")).getText().isEmpty());
            assertThat(find("#form-message").getText()).startsWith("该项目的审批流程已被系统管理员挂起（暂停），恢复前不能办理");
            assertThat(find("#submit-task").isEnabled()).isFalse();
            assertThat(find("[id$='-Field_agreePercent']").getDomProperty("readOnly")).isEqualTo("true");
            assertThat(find("#main").findElement(By.cssSelector("[data-suspended]")).getText()).isEqualTo("已挂起");
            assertThat(browser.findElements(By.id("claim"))).isEmpty();
            assertThat(browser.findElements(By.id("comment-add"))).isEmpty();

            // The project's page says so above everything, and that no deadline runs meanwhile.
            open("/projects/" + project.get("id").asText());
            assertThat(find("#project-suspended").getText()).matches(
                    "本项目审批流程已于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 被系统管理员挂起（暂停）：.*挂起期间不计入办理时限。");
        } finally {
            runtimeService.activateProcessInstanceById(instance);
        }
    }

    private WebElement row(String taskId) {
        return find("#task-table tbody tr[data-task-id='" + taskId + "']");
    }
}
