package cn.gonggaigong.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer's day in a real browser: a town officer sees only their town's tasks, opens one, submits its Camunda
 * Form with a wrong value and sees the API's message under the field, corrects it and submits; the NRB then sees
 * the project's next step, and the project page shows the step done and the diagram on the new step, and takes the materials.
 */
class TaskWorkBrowserIT extends BrowserTestSupport {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    HistoryService historyService;

    private ProjectDriver driver;

    @BeforeEach
    void driver() {
        driver = new ProjectDriver(rest, json);
    }

    /**
     * An answer that ends the project for good (相关权利主体不同意改造) is asked about once more before it is sent:
     * 返回修改 sends nothing; 确认提交 sends it and the project ends as 未纳入实施.
     */
    @Test
    void anAnswerThatEndsTheProjectIsConfirmedBeforeItIsSent() throws Exception {
        JsonNode project = driver.apply(validApplication(ProjectDriver.keyIndustryProject("占陇镇意愿否决确认项目", "zhanlong")));
        String code = project.get("code").asText();
        String task = driver.tasks("zhanlong1", code, "Task_SurveyWillingness").get(0).get("id").asText();
        logIn("zhanlong1");
        open("/tasks/" + task);
        waitUntilReady();
        find("[id$='-Field_willingnessAgreed-1']").click();
        // Not asked while a field is still to be mended: the refusal comes first.
        find("#submit-task").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-message"), "表单校验未通过"));
        assertThat(browser.findElement(By.id("confirm-ending")).isDisplayed()).isFalse();
        find("[id$='-Field_agreePercent']").sendKeys("30");
        WebElement surveyDate = find("[id$='-Field_surveyDate-date']");
        surveyDate.click();
        surveyDate.sendKeys("2026-03-01", Keys.ENTER);

        find("#submit-task").click();
        WebElement confirm = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-ending")));
        assertThat(confirm.getText()).contains("按“否”提交后，本项目的审批即告终止（项目未纳入实施），不能撤回");
        assertThat(find("#submit-task").isEnabled()).isFalse();
        find("#cancel-submit").click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-ending")));
        assertThat(find("#submit-task").isEnabled()).isTrue();
        assertThat(taskService.createTaskQuery().taskId(task).count()).as("nothing sent").isOne();

        find("#submit-task").click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("confirm-submit"))).click();
        waiting().until(ExpectedConditions.urlMatches(".*/tasks$"));
        assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
        assertThat(jdbc.queryForObject("select status from project where code = ?", String.class, code)).isEqualTo("WITHDRAWN");
    }

    /**
     * A date typed and left by clicking 提交 straight away (no Enter, no click elsewhere first) is sent: form-js hands
     * a typed date to the form a few frames after the field loses focus, and the page read the form before that,
     * showed 必填 under the date it displayed and sent nothing.
     */
    @Test
    void aDateTypedJustBeforeClickingSubmitIsSent() throws Exception {
        String task = surveyTaskOfANewProject("占陇镇日期直接提交项目");
        String instance = taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
        logIn("zhanlong1");
        open("/tasks/" + task);
        waitUntilReady();
        typeWillingness("95", "2026-03-01");
        find("#submit-task").click();

        waiting().until(ExpectedConditions.urlMatches(".*/tasks$"));
        assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("surveyDate")
                .singleResult().getValue()).hasToString("2026-03-01");
    }

    /**
     * The officer was away longer than the server keeps a login, then clicked 提交: the page goes through the login
     * and comes back with what was typed (the form and the comment being written), told so; before, it went to the
     * login page and everything typed was lost.
     */
    @Test
    void whatWasTypedComesBackAfterTheLoginThatExpiredWhileTheOfficerWasAway() throws Exception {
        String task = surveyTaskOfANewProject("占陇镇登录过期项目");
        String instance = taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
        logIn("zhanlong1");
        open("/tasks/" + task);
        typeWillingness("87", "2026-03-02");
        find("[id$='-Field_opinion']").sendKeys("权利人基本同意");
        find("#comment-text").sendKeys("下周补充签字页");

        expireTheLoginThenClick("#submit-task", "zhanlong1", "/tasks/" + task);

        assertThat(find("#kept-input").getText()).isEqualTo("登录已过期，您已重新登录：刚才填写的内容已恢复，请核对后再提交。");
        assertThat(find("[id$='-Field_agreePercent']").getDomProperty("value")).isEqualTo("87");
        assertThat(find("[id$='-Field_surveyDate-date']").getDomProperty("value")).isEqualTo("2026-03-02");
        assertThat(find("[id$='-Field_opinion']").getDomProperty("value")).isEqualTo("权利人基本同意");
        assertThat(find("[id$='-Field_willingnessAgreed-0']").isSelected()).isTrue();
        assertThat(find("#comment-text").getDomProperty("value")).isEqualTo("下周补充签字页");
        assertThat(taskService.createTaskQuery().taskId(task).count()).as("nothing was sent").isOne();

        find("#submit-task").click();
        waiting().until(ExpectedConditions.urlMatches(".*/tasks$"));
        assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("agreePercent")
                .singleResult().getValue()).isEqualTo(87.0);
        // Kept once: the task list opened afterwards says nothing of it.
        assertThat(browser.findElements(By.id("kept-input"))).isEmpty();
    }

    /**
     * The login expired and meanwhile a colleague took the task: the page comes back to be read only, with the task's
     * own data; what was typed is not put into it (it would pass for the task's data) nor announced as restored.
     */
    @Test
    void typingForATaskAColleagueTookMeanwhileIsNotPassedOffAsItsData() throws Exception {
        String task = surveyTaskOfANewProject("占陇镇登录过期同事签收项目");
        logIn("zhanlong1");
        open("/tasks/" + task);
        find("[id$='-Field_agreePercent']").sendKeys("77");
        taskService.claim(task, "zhanlong2");

        expireTheLoginThenClick("#submit-task", "zhanlong1", "/tasks/" + task);
        assertThat(find("#form-message").getText()).contains("签收，您只能查看");
        assertThat(find("[id$='-Field_agreePercent']").getDomProperty("value")).isEmpty();
        assertThat(browser.findElements(By.id("kept-input"))).isEmpty();
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("zhanlong2");
    }

    /**
     * Leaving the task page (a link, the address bar, closing the tab) with typing not yet sent asks first: in the form,
     * or in a text of its own (办理意见); a page untouched, or whose text was sent, does not.
     */
    @Test
    void leavingWithTypingNotSentAsksFirst() throws Exception {
        String task = surveyTaskOfANewProject("占陇镇离开页面提示项目");
        logIn("zhanlong1");
        open("/tasks/" + task);
        assertThat(pageAsksBeforeLeaving()).as("untouched").isFalse();
        find("[id$='-Field_agreePercent']").sendKeys("66");
        assertThat(pageAsksBeforeLeaving()).as("a figure typed in the form").isTrue();

        open("/tasks/" + task);
        assertThat(pageAsksBeforeLeaving()).isFalse();
        find("#comment-text").sendKeys("请补充签字页");
        assertThat(pageAsksBeforeLeaving()).as("an opinion being written").isTrue();
        find("#comment-add").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("comment-list"), "请补充签字页"));
        assertThat(pageAsksBeforeLeaving()).as("the opinion added").isFalse();

        // 签收 with nothing typed reloads the page with nothing to ask about.
        find("#claim").click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("unclaim")));
        waitUntilReady();
        assertThat(pageAsksBeforeLeaving()).as("claimed, nothing typed").isFalse();
    }

    @Test
    void townOfficerSubmitsTheFormAndTheNrbSeesTheNextStep() throws Exception {
        JsonNode ours = driver.apply(validApplication(ProjectDriver.keyIndustryProject("占陇镇浏览器测试纺织厂“工改工”项目", "zhanlong")));
        JsonNode theirs = driver.apply(validApplication(ProjectDriver.keyIndustryProject("流沙东街道浏览器测试五金厂“工改工”项目", "liushadong")));
        String code = ours.get("code").asText();
        long id = ours.get("id").asLong();

        // 我的待办 of a town officer: only the town's work; the other town's project is not found even by its code.
        logIn("zhanlong1");
        assertThat(find("#current-user").getText()).isNotBlank();
        List<WebElement> rows = browser.findElements(By.cssSelector("#task-table tbody tr[data-task-id]"));
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.getDomAttribute("data-town-code")).isEqualTo("zhanlong"));
        search(theirs.get("code").asText());
        assertThat(browser.findElements(By.cssSelector("#task-table tbody tr[data-task-id]"))).isEmpty();
        search(code);
        WebElement row = find("#task-table tbody tr[data-project-id='" + id + "']");
        assertThat(browser.findElements(By.cssSelector("#task-table tbody tr[data-task-id]"))).hasSize(1);
        assertThat(row.getText()).contains("摸查改造意愿", "占陇镇");

        // 办理任务: one value out of range; the API's reason appears under the field and nothing is completed.
        row.findElement(By.cssSelector("a.task-link")).click();
        waiting().until(ExpectedConditions.urlContains("/tasks/"));
        waitUntilReady();
        find("[id$='-Field_willingnessAgreed-0']").click();
        WebElement percent = find("[id$='-Field_agreePercent']");
        // form-js's English words in Chinese: the step buttons' names, the select's placeholder (checked on an element
        // of form-js's classes, as this form has no select).
        waiting().until(d -> d.findElements(By.cssSelector("button[aria-label='增加']")).size() > 0);
        assertThat(browser.findElements(By.cssSelector("button[aria-label='Increment'], button[aria-label='Decrement']"))).isEmpty();
        Object placeholder = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                const probe = document.createElement('div');
                probe.className = 'fjs-select-display fjs-select-placeholder';
                probe.textContent = 'Select';
                document.body.append(probe);
                const content = getComputedStyle(probe, '::before').content;
                probe.remove();
                return content;""");
        assertThat(placeholder).isEqualTo("\"请选择\"");
        percent.sendKeys("150");
        // The date field is in Chinese whatever the browser's language, and keeps the day typed year first (this
        // headless browser's format is English, n/j/Y, with which flatpickr alone read 2026-03-01 as 8/6/2027).
        WebElement surveyDate = find("[id$='-Field_surveyDate-date']");
        waiting().until(ExpectedConditions.attributeToBe(surveyDate, "placeholder", "年-月-日，如 2026-12-01"));
        surveyDate.click();
        assertThat(find(".flatpickr-calendar .flatpickr-weekday").getText()).isEqualTo("周一");
        assertThat(find(".flatpickr-calendar .flatpickr-monthDropdown-months").getText()).contains("三月", "十二月");
        surveyDate.sendKeys("2026-03-01", Keys.ENTER);
        assertThat(surveyDate.getDomProperty("value")).isEqualTo("2026-03-01");
        find("#submit-task").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-message"), "表单校验未通过"));
        assertThat(find("[id$='-Field_agreePercent-error-message']").getText()).isEqualTo("不能大于100");
        assertThat(percent.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.tasks("zhanlong1", code, "Task_SurveyWillingness")).hasSize(1);

        // Corrected and submitted: back on the task list, told so; the step is done.
        percent.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "95");
        find("#submit-task").click();
        waiting().until(ExpectedConditions.urlMatches(".*/tasks$"));
        waitUntilReady();
        assertThat(find("#flash").getText()).contains("已提交", "摸查改造意愿");
        assertThat(driver.tasks("zhanlong1", code, "Task_SurveyWillingness")).isEmpty();
        assertThat(jdbc.queryForList("""
                select v.text_ from act_hi_varinst v join project p on p.process_instance_id = v.root_proc_inst_id_
                 where p.id = ? and v.name_ = 'surveyDate'""", String.class, id)).containsExactly("2026-03-01");

        // 我的已办: the step just done comes first, with what it decided in words; its project one click away.
        find("nav a[href='/done']").click();
        waiting().until(ExpectedConditions.urlContains("/done"));
        waitUntilReady();
        assertThat(find("nav a[aria-current='page']").getText()).isEqualTo("我的已办");
        WebElement done = find("#done-table tbody tr");
        assertThat(done.getDomAttribute("data-project-id")).isEqualTo(Long.toString(id));
        assertThat(done.getText()).contains("摸查改造意愿", "占陇镇", "相关权利主体是否同意改造：是", code);
        find("#filter-q").sendKeys("没有这样的项目", Keys.ENTER);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("no-done"), "没有符合条件的已办事项"));
        browser.navigate().back();
        waitUntilReady();
        find("#done-table tbody tr[data-project-id='" + id + "'] a").click();
        waiting().until(ExpectedConditions.urlContains("/projects/" + id));
        waitUntilReady();

        // The town's two other intake steps through the REST API; then the NRB's step (随报随审) is next.
        driver.surveyAndPublishBaseData(code, "zhanlong1");
        logIn("nrb-clerk");
        search(code);
        WebElement next = find("#task-table tbody tr[data-project-id='" + id + "']");
        assertThat(next.getText()).contains("确认随报随审");
        // The bureau reads the city's dashboard: the header leads there.
        assertThat(find("nav a[href='/monitor/']").getText()).isEqualTo("全市监测");

        // 项目详情: the town's step in the timeline, the intake diagram on the NRB's step, the survey marked done.
        open("/projects/" + id);
        // A fast-tracked project is in no annual plan: the page says so instead of showing the year applied for.
        assertThat(find("#project-figures").getText()).contains("尚未纳入；随报随审的项目不纳入");
        // The town's survey beside the application's figures.
        assertThat(find("#project-figures").getText()).contains("申请时用地面积（平方米）", "调查核实日期", "2026-03-10",
                "调查核实用地面积（平方米）", "20,000", "调查核实现状容积率", "0.9");
        // Times written as the dates beside them are (2026-03-10), not 2026/03/10.
        assertThat(find("#project-figures").getText()).containsPattern("申请时间\\s+\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(find("#open-tasks tbody td:nth-child(4)").getText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        WebElement timeline = find("#timeline");
        assertThat(timeline.findElement(By.cssSelector("li[data-activity-name='摸查改造意愿']")).getText()).contains("占陇镇")
                .contains("相关权利主体是否同意改造：是").doesNotContain("结论：");
        // What the 公示 step recorded besides its answer: its period.
        assertThat(timeline.findElement(By.cssSelector("li[data-activity-name='公示基础数据'] .facts")).getText())
                .isEqualTo("公示开始日期：2026-03-11 · 公示结束日期：2026-03-18");
        find("figure[data-process-definition-key='ProjectIntake'][data-rendered='true']");
        assertThat(marker("ProjectIntake", "Task_ConfirmFastTrack")).contains("highlight-current");
        assertThat(marker("ProjectIntake", "Task_SurveyWillingness")).contains("highlight-done").doesNotContain("highlight-current");
        assertThat(marker("ProjectIntake", "Task_PublishBaseData")).contains("highlight-done");
        find("figure[data-process-definition-key='ProjectLifecycle'][data-rendered='true']");
        assertThat(marker("ProjectLifecycle", "CallActivity_Intake")).contains("highlight-current");

        // Materials: a text file is refused with the reason, a PNG is listed.
        find("#upload-file").sendKeys(file("说明.txt", "不是图片".getBytes(StandardCharsets.UTF_8)).toString());
        find("#upload-submit").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-message"), "只能上传PDF、PNG或JPEG文件"));
        find("#upload-file").sendKeys(file("现场照片.png", png()).toString());
        find("#upload-description").sendKeys("改造地块现状照片");
        find("#upload-submit").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-message"), "已上传"));
        assertThat(find("#attachment-table").getText()).contains("现场照片.png", "改造地块现状照片");
        // Who uploaded it by name, as the timeline says who acted; the size in Chinese.
        WebElement uploaded = find("#attachment-table tbody tr");
        assertThat(uploaded.findElements(By.tagName("td")).get(3).getText()).isEqualTo("自然资源局经办员");
        assertThat(uploaded.findElements(By.tagName("td")).get(2).getText()).matches("\\d+ 字节|\\d+\\.\\d KB");
    }

    @Test
    void anUploadMadeByMistakeIsWithdrawnFromTheProjectPageWithAReasonAndStaysListed() throws Exception {
        JsonNode project = driver.apply(validApplication(ProjectDriver.keyIndustryProject("占陇镇浏览器附件作废测试项目", "zhanlong")));
        long id = project.get("id").asLong();
        logIn("zhanlong1");
        open("/projects/" + id);
        find("#upload-file").sendKeys(file("别的项目的照片.png", png()).toString());
        find("#upload-submit").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-message"), "已上传"));

        // 作废 asks for the reason and sends nothing without one.
        find("#attachment-table button.withdraw").click();
        assertThat(find("#withdraw-box").getText()).contains("作废附件“别的项目的照片.png”", "作废不能撤销");
        assertThat(browser.findElement(By.id("upload-message")).getText()).as("the upload's 已上传, not left beside its 作废")
                .isEmpty();
        find("#confirm-withdraw").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("withdraw-error"), "请说明作废原因"));
        assertThat(find("#attachment-table tbody tr").getAttribute("class")).isNullOrEmpty();

        find("#withdraw-reason").sendKeys("传错了项目");
        find("#confirm-withdraw").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("withdraw-message"), "已作废：别的项目的照片.png"));
        WebElement row = find("#attachment-table tbody tr");
        assertThat(row.getAttribute("class")).isEqualTo("withdrawn");
        assertThat(row.findElements(By.tagName("td")).get(5).getText()).contains("已作废", "占陇镇经办员", "原因：传错了项目");
        // Still there to download, and no second 作废.
        assertThat(row.findElement(By.cssSelector("a")).getAttribute("href")).matches(".*/api/attachments/\\d+");
        assertThat(browser.findElements(By.cssSelector("#attachment-table button.withdraw"))).isEmpty();

        // A colleague reads it as withdrawn and is offered no 作废 of someone else's upload.
        logIn("zhanlong2");
        open("/projects/" + id);
        assertThat(find("#attachment-table tbody tr td:nth-child(6)").getText()).contains("已作废", "原因：传错了项目");
        assertThat(browser.findElements(By.cssSelector("#attachment-table button.withdraw"))).isEmpty();
    }

    @Test
    void theDelegateFillsTheFormAndHandsTheTaskBackToItsOwner() throws Exception {
        String taskId = surveyTaskOfANewProject("占陇镇浏览器委派测试项目");
        ResponseEntity<String> delegated = rest.withBasicAuth("zhanlong1", "demo").postForEntity(
                "/api/tasks/" + taskId + "/delegate", Map.of("userId", "zhanlong2"), String.class);
        assertThat(delegated.getStatusCode()).as(delegated.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        // The owner sees why they cannot submit now.
        logIn("zhanlong1");
        open("/tasks/" + taskId);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-message"), "您已将该任务委派给 占陇镇审核员（zhanlong2） 办理"));
        assertThat(find("#submit-task").isEnabled()).isFalse();
        // The form is shown to read: its fields take no input.
        assertThat(find("[id$='-Field_agreePercent']").getDomProperty("readOnly")).isEqualTo("true");
        find("[id$='-Field_agreePercent']").sendKeys("80");
        assertThat(find("[id$='-Field_agreePercent']").getDomProperty("value")).isEmpty();

        // The delegate: no unclaim button, a hand-back button instead of submit.
        logIn("zhanlong2");
        open("/tasks/" + taskId);
        assertThat(find("#claim-note").getText()).isEqualTo("占陇镇经办员（zhanlong1） 委派您办理此任务：填好表单后交回，由其完成。");
        assertThat(find("section[aria-label='任务信息']").getText()).contains("办理人", "占陇镇审核员（zhanlong2）",
                "委派人", "占陇镇经办员（zhanlong1）");
        assertThat(browser.findElements(By.id("unclaim"))).isEmpty();
        WebElement submit = find("#submit-task");
        assertThat(submit.getText()).isEqualTo("办理完毕，交回委派人");
        find("[id$='-Field_willingnessAgreed-0']").click();
        find("[id$='-Field_agreePercent']").sendKeys("88");
        submit.click();
        waiting().until(ExpectedConditions.urlMatches(".*/tasks$"));
        waitUntilReady();
        assertThat(find("#flash").getText()).contains("已交回 占陇镇经办员（zhanlong1）", "摸查改造意愿");
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task.getAssignee()).isEqualTo("zhanlong1");
        assertThat(task.getDelegationState()).isEqualTo(DelegationState.RESOLVED);
        assertThat(taskService.getVariable(taskId, "agreePercent")).isEqualTo(88.0);
    }

    @Test
    void anOfficerWritesAnOpinionAndTransfersTheTaskToAColleagueFromThePage() throws Exception {
        String taskId = surveyTaskOfANewProject("占陇镇浏览器转办测试项目");

        logIn("zhanlong1");
        open("/tasks/" + taskId);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("comment-list"), "暂无意见"));
        find("#comment-add").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("comment-message"), "不能为空"));
        assertThat(find("#comment-message").getText()).isEqualTo("意见内容不能为空");
        find("#comment-text").sendKeys("已电话联系权利人，下周入户调查");
        find("#comment-add").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("comment-list"), "已电话联系权利人，下周入户调查"));
        assertThat(find("#comment-list").getText()).contains("占陇镇经办员");

        find("#handover summary").click();
        waiting().until(d -> d.findElements(By.cssSelector("#handover-user option[value='zhanlong2']")).size() == 1);
        new org.openqa.selenium.support.ui.Select(find("#handover-user")).selectByValue("zhanlong2");
        find("#transfer").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("handover-message"), "不能为空"));
        assertThat(find("#handover-message").getText()).isEqualTo("转办理由不能为空");
        find("#transfer-reason").sendKeys("本周外出");
        find("#transfer").click();
        waiting().until(ExpectedConditions.urlMatches(".*/tasks$"));
        waitUntilReady();
        assertThat(find("#flash").getText()).contains("已转办给 占陇镇审核员（zhanlong2）");
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("zhanlong2");

        logIn("zhanlong2");
        open("/tasks/" + taskId);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("comment-list"), "转办给 占陇镇审核员（zhanlong2）：本周外出"));
        assertThat(find("#comment-list").getText()).contains("已电话联系权利人，下周入户调查");
    }

    /**
     * 签收 and 退回到单位待办 reload the page: what the officer had typed before is there again, not lost (before, the
     * reload showed the form as the process left it).
     */
    @Test
    void whatWasTypedBeforeClaimingIsKept() throws Exception {
        String taskId = surveyTaskOfANewProject("占陇镇浏览器签收保留填写项目");

        logIn("zhanlong1");
        open("/tasks/" + taskId);
        find("[id$='-Field_willingnessAgreed-0']").click();
        find("[id$='-Field_agreePercent']").sendKeys("95");
        find("[id$='-Field_surveyDate-date']").sendKeys("2026-03-01", Keys.ENTER);
        find("#claim").click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("unclaim")));
        waitUntilReady();
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("zhanlong1");
        assertThat(find("[id$='-Field_agreePercent']").getDomProperty("value")).isEqualTo("95");
        assertThat(find("[id$='-Field_surveyDate-date']").getDomProperty("value")).isEqualTo("2026-03-01");
        assertThat(find("[id$='-Field_willingnessAgreed-0']").isSelected()).isTrue();
        assertThat(pageAsksBeforeLeaving()).as("kept over the claim, not sent yet").isTrue();

        find("[id$='-Field_agreePercent']").sendKeys(Keys.BACK_SPACE, "6");
        find("#unclaim").click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("claim")));
        waitUntilReady();
        assertThat(find("[id$='-Field_agreePercent']").getDomProperty("value")).isEqualTo("96");
        // Kept for the reload only: opened again later, the form is as the process left it.
        open("/tasks/" + taskId);
        assertThat(find("[id$='-Field_agreePercent']").getDomProperty("value")).isEmpty();
    }

    /** A project page's address that names no project says so in words: not 请求参数格式不正确, not "id=". */
    @Test
    void aProjectAddressOfNoProjectSaysSoInWords() {
        logIn("zhanlong1");
        open("/projects/abc");
        assertThat(find("#project-error").getText()).isEqualTo("项目地址不正确：“abc”不是项目序号，请从待办或项目列表进入。");
        open("/projects/987654321");
        assertThat(find("#main .alert.error").getText())
                .isEqualTo("项目不存在：没有序号为 987654321 的项目，请检查地址，或从待办、项目列表进入");
    }

    @Test
    void aTaskOfOnePersonOffersNeitherUnclaimNorColleagues() throws Exception {
        String taskId = surveyTaskOfANewProject("占陇镇浏览器个人任务测试项目");
        // As the applicant's steps are: assigned by the model to one person, with no office behind it.
        taskService.deleteCandidateGroup(taskId, "town-zhanlong");
        taskService.setAssignee(taskId, "zhanlong1");

        logIn("zhanlong1");
        open("/tasks/" + taskId);
        assertThat(find("#claim-note").getText()).isEqualTo("此任务由您本人办理。");
        assertThat(browser.findElements(By.id("unclaim"))).isEmpty();
        assertThat(browser.findElements(By.id("handover"))).isEmpty();
        assertThat(find("#comment-add").isDisplayed()).isTrue();
    }

    @Test
    void aReasonOfTheServerStaysUnderTheNumberTypedJustBeforeSubmitting() throws Exception {
        String code = openBaseDataSurvey("占陇镇浏览器亩数校验测试项目");
        // The form starts from the application's figures (20,000 m², 30 亩); 40 亩 does not agree with the m², which
        // only the server checks (SubmissionCheck). Typed and submitted at once, as people do.
        WebElement mu = find("[id$='-Field_landAreaMu']");
        mu.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "40");
        find("#submit-task").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-message"), "表单校验未通过"));
        // Longer than form-js's 300 ms of debouncing, which used to check the field again and wipe the reason.
        Thread.sleep(1000);
        assertThat(find("[id$='-Field_landAreaMu-error-message']").getText()).contains("与用地面积（平方米）不一致");
        assertThat(mu.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.tasks("zhanlong1", code, "Task_SurveyBaseData")).hasSize(1);
    }

    @Test
    void numbersAreReadAsChineseOfficersWriteThem() throws Exception {
        String code = openBaseDataSurvey("占陇镇浏览器数字输入测试项目");
        // The survey's day starts from the willingness survey's (2026-03-01); retyped over it.
        WebElement surveyDate = find("[id$='-Field_surveyDate-date']");
        waiting().until(ExpectedConditions.attributeToBe(surveyDate, "placeholder", "年-月-日，如 2026-12-01"));
        assertThat(surveyDate.getDomProperty("value")).isEqualTo("2026-03-01");
        // Clicked and typed, as an officer does: the new date replaces the one the field held (typed after it, the two
        // ran together and the picker emptied the field).
        surveyDate.click();
        surveyDate.sendKeys("2026-03-05", Keys.ENTER);
        assertThat(surveyDate.getDomProperty("value")).isEqualTo("2026-03-05");
        // A thousands separator is no decimal comma (form-js alone made 18,000 into 18); full-width digits are digits.
        WebElement existing = find("[id$='-Field_existingFloorArea']");
        existing.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "18,000");
        assertThat(existing.getDomProperty("value")).isEqualTo("18000");
        // Full-width digits come from a Chinese input method: committed text, not key presses.
        WebElement sqm = find("[id$='-Field_landAreaSqm']");
        sqm.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        commitText("２００００");
        assertThat(sqm.getDomProperty("value")).isEqualTo("20000");
        // Words are no number (pasted, as an input method would put them): said under the field, and the form is not
        // sent (it would be saved as nothing).
        WebElement ratio = find("[id$='-Field_currentPlotRatio']");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                const input = arguments[0];
                input.value = '零点九';
                input.dispatchEvent(new InputEvent('input', { bubbles: true }));""", ratio);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[id$='-Field_currentPlotRatio-error-message']"), "“零点九”不是有效的数字"));
        find("#submit-task").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-message"), "有数字无法识别"));
        assertThat(driver.tasks("zhanlong1", code, "Task_SurveyBaseData")).hasSize(1);

        ratio.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        commitText("０。９");
        assertThat(ratio.getDomProperty("value")).isEqualTo("0.9");
        find("#submit-task").click();
        // The page goes to 我的待办 once the task is completed: its message may go with the old page while it is read.
        waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d ->
                d.getCurrentUrl().endsWith("/tasks") || !d.findElement(By.id("form-message")).getText().isBlank());
        assertThat(browser.getCurrentUrl()).as(() -> browser.findElement(By.tagName("main")).getText()).endsWith("/tasks");
        assertThat(driver.tasks("zhanlong1", code, "Task_SurveyBaseData")).isEmpty();
        assertThat(jdbc.queryForMap("""
                select max(case when v.name_ = 'existingFloorArea' then v.double_ end) as existing,
                       max(case when v.name_ = 'landAreaSqm' then v.double_ end) as sqm,
                       max(case when v.name_ = 'currentPlotRatio' then v.double_ end) as ratio
                  from act_hi_varinst v join project p on p.process_instance_id = v.root_proc_inst_id_
                 where p.code = ?""", code)).containsEntry("existing", 18000.0).containsEntry("sqm", 20000.0)
                .containsEntry("ratio", 0.9);
    }

    /** A new project of 占陇镇 at its base-data survey, whose page zhanlong1 has open; its code. */
    private String openBaseDataSurvey(String name) throws Exception {
        JsonNode project = driver.apply(validApplication(ProjectDriver.keyIndustryProject(name, "zhanlong")));
        String code = project.get("code").asText();
        driver.surveyWillingness(code, "zhanlong1");
        String taskId = driver.tasks("zhanlong1", code, "Task_SurveyBaseData").get(0).get("id").asText();
        logIn("zhanlong1");
        open("/tasks/" + taskId);
        waitUntilReady();
        return code;
    }

    /** Text as an input method commits it into the focused field (DevTools' Input.insertText). */
    private static void commitText(String text) {
        ((org.openqa.selenium.chrome.ChromeDriver) browser).executeCdpCommand("Input.insertText", Map.of("text", text));
    }

    @Test
    void aSendBackWithoutAReasonIsRefusedUnderItsButton() throws Exception {
        JsonNode project = driver.apply(validApplication(ProjectDriver.keyIndustryProject("占陇镇浏览器退回测试项目", "zhanlong")));
        String code = project.get("code").asText();
        driver.surveyWillingness(code, "zhanlong1");
        driver.surveyBaseData(code, "zhanlong1");
        String publish = driver.tasks("zhanlong2", code, "Task_PublishBaseData").get(0).get("id").asText();

        logIn("zhanlong2");
        open("/tasks/" + publish);
        waitUntilReady();
        assertThat(browser.findElements(By.cssSelector("nav a[href='/monitor/']"))).as("the city's dashboard is not a town's").isEmpty();
        browser.findElement(By.xpath("//summary[starts-with(normalize-space(.), '退回至')]")).click();
        find("#send-back").click();
        // Said where the officer pressed the button, not above the form out of sight; the reason box is to be filled.
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("send-back-message"), "不能为空"));
        assertThat(find("#send-back-message").getText()).isEqualTo("退回理由不能为空");
        WebElement reason = find("#send-back-reason");
        assertThat(reason.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("send-back-reason");
        assertThat(browser.findElement(By.id("form-message")).getText()).as("nothing said above the form").isEmpty();
        assertThat(driver.tasks("zhanlong2", code, "Task_PublishBaseData")).hasSize(1);

        reason.sendKeys("公示材料缺少图斑编号");
        // With the network gone, the page says so in Chinese (not the browser's "Failed to fetch").
        org.openqa.selenium.chrome.ChromeDriver chrome = (org.openqa.selenium.chrome.ChromeDriver) browser;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        try {
            find("#send-back").click();
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("send-back-message"), "连接服务器失败"));
        } finally {
            chrome.executeCdpCommand("Network.emulateNetworkConditions",
                    Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        }
        find("#send-back").click();
        waiting().until(ExpectedConditions.urlMatches(".*/tasks$"));
        assertThat(driver.tasks("zhanlong1", code, "Task_SurveyBaseData")).hasSize(1);
    }

    @Test
    void aSchemeTheRulesSendBackComesStraightBackToItsOfficerWithTheReason() throws Exception {
        JsonNode project = driver.apply(validApplication(ProjectDriver.keyIndustryProject("占陇镇浏览器方案校验测试项目", "zhanlong")));
        String code = project.get("code").asText();
        driver.toSchemeCompilation(code, "zhanlong1", "ZL-SCHEME-" + code.substring(code.length() - 4));
        String taskId = driver.tasks("nrb-clerk", code, "Task_CompileScheme").get(0).get("id").asText();

        // The first version, as the bureau's clerk fills it on the application's figures (60,000 m² on 20,000 m²):
        // offices of 12,000 m², a fifth of the floor area, above Art. 7's limit, which only the decision tables judge.
        logIn("nrb-clerk");
        open("/tasks/" + taskId);
        waitUntilReady();
        for (Map.Entry<String, String> figure : Map.of("officeLivingFloorArea", "12000", "rdTestingFloorArea", "2000",
                "separateFacilityLandArea", "0", "renovatedFloorArea", "0", "renovationBudget", "80000000").entrySet()) {
            find("[id$='-Field_" + figure.getKey() + "']").sendKeys(figure.getValue());
        }
        find("[id$='-Field_industryCategory-display']").click();
        browser.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .filter(item -> item.getText().equals("现代轻工纺织")).findFirst().orElseThrow().click();
        find("[id$='-Field_involvesDemolition-0']").click();
        find("[id$='-Field_heritageImpact-1']").click();
        find("#submit-task").click();

        // Not back on the list as if done: on the same step again, the clerk's own, told why.
        waiting().until(d -> d.getCurrentUrl().contains("/tasks/") && !d.getCurrentUrl().endsWith(taskId));
        waitUntilReady();
        assertThat(find("#flash").getText()).contains("“编制改造方案”已提交，但未通过校验，已退回由您修改");
        assertThat(find("[id$='-Field_ruleViolationText']").getDomProperty("value")).contains("第七条");
        assertThat(find("#claim-note").getText()).contains("此任务由您办理");
        List<JsonNode> again = driver.tasks("nrb-clerk", code, "Task_CompileScheme");
        assertThat(again).hasSize(1);
        assertThat(again.get(0).get("assignee").asText()).isEqualTo("nrb-clerk");
        assertThat(browser.getCurrentUrl()).endsWith("/tasks/" + again.get(0).get("id").asText());

        // Corrected: offices of 3,000 m², and the scheme goes on to the departments.
        WebElement offices = find("[id$='-Field_officeLivingFloorArea']");
        offices.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "3000");
        find("#submit-task").click();
        waiting().until(ExpectedConditions.urlMatches(".*/tasks$"));
        waitUntilReady();
        assertThat(find("#flash").getText()).contains("已提交", "编制改造方案");
        assertThat(driver.tasks("nrb-clerk", code, "Task_CompileScheme")).isEmpty();
    }

    @Test
    void anOfficerAloneInTheOfficeIsOfferedNoColleagues() throws Exception {
        String taskId = surveyTaskOfANewProject("占陇镇浏览器无同事测试项目");
        // An office of one: the task's only candidate group has the officer alone (as 市政府's approver has).
        String group = "solo-" + taskId.substring(0, 8);
        identityService.saveGroup(identityService.newGroup(group));
        identityService.createMembership("zhanlong1", group);
        taskService.deleteCandidateGroup(taskId, "town-zhanlong");
        taskService.addCandidateGroup(taskId, group);

        logIn("zhanlong1");
        open("/tasks/" + taskId);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("handover-none"), "本单位没有可转办或委派的其他同事"));
        assertThat(browser.findElements(By.id("transfer"))).isEmpty();
        assertThat(browser.findElements(By.id("delegate"))).isEmpty();
    }

    /** A new key industry project of 占陇镇 applied for; the id of its first step, the town's 摸查改造意愿. */
    private String surveyTaskOfANewProject(String name) throws Exception {
        JsonNode project = driver.apply(validApplication(ProjectDriver.keyIndustryProject(name, "zhanlong")));
        return driver.tasks("zhanlong1", project.get("code").asText(), "Task_SurveyWillingness").get(0).get("id").asText();
    }

    /** The rights holders agree, with this share, surveyed on this day: the date typed last and left in its field. */
    private void typeWillingness(String percent, String day) {
        find("[id$='-Field_willingnessAgreed-0']").click();
        find("[id$='-Field_agreePercent']").sendKeys(percent);
        WebElement surveyDate = find("[id$='-Field_surveyDate-date']");
        waiting().until(ExpectedConditions.attributeToBe(surveyDate, "placeholder", "年-月-日，如 2026-12-01"));
        surveyDate.click();
        surveyDate.sendKeys(day);
    }

    private static Path file(String name, byte[] content) throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e-uploads")).toAbsolutePath(), "up-");
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** Searches 我的待办 by text through the filter form. */
    private void search(String text) {
        WebElement q = find("#filter-q");
        q.clear();
        q.sendKeys(text);
        find("#filter-submit").click();
        waiting().until(ExpectedConditions.urlContains("q=" + text));
        waitUntilReady();
    }

    /** The CSS classes of a diagram element as bpmn-js drew it. */
    private String marker(String processKey, String elementId) {
        return waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "figure[data-process-definition-key='" + processKey + "'] g.djs-element[data-element-id='" + elementId + "']")))
                .getDomAttribute("class");
    }
}
