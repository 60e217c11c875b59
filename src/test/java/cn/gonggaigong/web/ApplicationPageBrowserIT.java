package cn.gonggaigong.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 我的申请 in a real browser: the applicant's application comes back with the API's reasons under the wrong
 * fields (nothing saved), is corrected and submitted, and then appears among the applicant's projects.
 */
class ApplicationPageBrowserIT extends BrowserTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.boot.test.web.client.TestRestTemplate rest;
    @org.springframework.beans.factory.annotation.Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void applicantSeesTheReasonsUnderTheFieldsThenSubmitsAndFollowsTheApplication() {
        logIn("applicant2");
        // An applicant with nothing to do is told where to follow the applications.
        open("/tasks?q=" + java.net.URLEncoder.encode("没有这个项目", java.nio.charset.StandardCharsets.UTF_8));
        waitUntilReady();
        assertThat(find("#no-tasks").getText()).contains("没有符合条件的待办任务", "请在我的申请中查看");
        assertThat(find("#no-tasks a").getDomAttribute("href")).isEqualTo("/my-applications");
        find("nav a[href='/my-applications']").click();
        waiting().until(ExpectedConditions.urlContains("/my-applications"));
        waitUntilReady();
        assertThat(find("nav a[aria-current='page']").getText()).isEqualTo("我的申请");

        assertThat(pageAsksBeforeLeaving()).as("untouched").isFalse();
        String name = "军埠镇浏览器测试电子厂“工改工”项目";
        Map<String, String> values = Map.ofEntries(Map.entry("name", name), Map.entry("applicantName", "普宁市某电子有限公司"),
                Map.entry("parcelIds", "BT-445281-0301，BT-445281-0302"), Map.entry("landAreaSqm", "20000"),
                Map.entry("landAreaMu", "10"), Map.entry("existingFloorArea", "8000"), Map.entry("currentPlotRatio", "25"),
                Map.entry("plannedFloorArea", "50000"), Map.entry("plannedPlotRatio", "2.5"), Map.entry("investment", "60000000"));
        values.forEach((key, value) -> type(key, value));
        choose("townCode", "军埠镇");
        assertThat(pageAsksBeforeLeaving()).as("typed, not sent").isTrue();
        // The rights holder is not the government (Art. 13): the choice is not offered here.
        assertThat(new Select(find("#app-applicantType")).getOptions()).extracting(WebElement::getText)
                .contains("土地权利人", "承租人", "村集体经济组织").doesNotContain("政府");
        choose("applicantType", "土地权利人");
        choose("renovationMode", "自行改造");
        choose("renovationType", "全面改造");
        choose("ownership", "单一权利主体");
        choose("industryCategory", "电子信息");
        find("#application-submit").click();

        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("app-currentPlotRatio-error")));
        assertThat(find("#application-message").getText()).contains("申请材料校验未通过");
        assertThat(find("#app-currentPlotRatio-error").getText()).isEqualTo("必须在0到20之间");
        assertThat(find("#app-landAreaMu-error").getText()).contains("与用地面积（平方米）不一致");
        assertThat(find("#app-currentPlotRatio").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElements(By.cssSelector("#my-project-table tr[data-project-id]"))).isEmpty();

        // Something typed that is no number (the browser reads "6e" as empty): said so, not "不能为空".
        type("investment", "6e");
        find("#application-submit").click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("app-investment-error")));
        assertThat(find("#app-investment-error").getText()).isEqualTo("请填写阿拉伯数字，如 20000 或 12.5");

        type("investment", "60000000");
        type("currentPlotRatio", "0.4");
        type("landAreaMu", "30");
        find("#application-submit").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("application-message"), "申请已提交"));
        assertThat(browser.findElements(By.cssSelector(".field-error:not([hidden])"))).isEmpty();
        assertThat(pageAsksBeforeLeaving()).as("sent").isFalse();
        WebElement row = find("#my-project-table tbody tr[data-project-id]");
        assertThat(row.getText()).contains(name, "军埠镇");
    }

    /**
     * The login expired while the applicant filled in the long form: 提交申请 goes through the login and back to the
     * form, filled in again as it was; someone else logging in at that computer gets an empty form.
     */
    @Test
    void theApplicationTypedIsKeptOverALoginThatExpiredAndOnlyForItsAuthor() {
        logIn("applicant1");
        open("/my-applications");
        String name = "梅塘镇登录过期测试五金厂“工改工”项目";
        Map<String, String> values = Map.ofEntries(Map.entry("name", name), Map.entry("applicantName", "普宁市某五金有限公司"),
                Map.entry("parcelIds", "BT-445281-0401"), Map.entry("landAreaSqm", "20000"), Map.entry("landAreaMu", "30"),
                Map.entry("existingFloorArea", "8000"), Map.entry("currentPlotRatio", "0.4"),
                Map.entry("plannedFloorArea", "50000"), Map.entry("plannedPlotRatio", "2.5"), Map.entry("investment", "60000000"));
        values.forEach((key, value) -> type(key, value));
        choose("townCode", "梅塘镇");
        choose("applicantType", "土地权利人");
        choose("renovationMode", "自行改造");
        choose("renovationType", "全面改造");
        choose("ownership", "单一权利主体");
        choose("industryCategory", "电子信息");
        find("#app-keyIndustryProject").click();

        expireTheLoginThenClick("#application-submit", "applicant1", "/my-applications");
        assertThat(find("#kept-input").getText()).contains("刚才填写的内容已恢复");
        assertThat(pageAsksBeforeLeaving()).as("restored, not sent yet").isTrue();
        values.forEach((key, value) -> assertThat(find("#app-" + key).getDomProperty("value")).as(key).isEqualTo(value));
        assertThat(new Select(find("#app-townCode")).getFirstSelectedOption().getText()).isEqualTo("梅塘镇");
        assertThat(new Select(find("#app-industryCategory")).getFirstSelectedOption().getText()).isEqualTo("电子信息");
        assertThat(find("#app-keyIndustryProject").isSelected()).isTrue();
        // Nothing was sent before the login.
        assertThat(find("#my-projects").getText()).doesNotContain(name);
        find("#application-submit").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("application-message"), "申请已提交"));
        assertThat(find("#my-projects").getText()).contains(name);

        // Typed again, the login expires again, and another applicant logs in at this computer: nothing of it.
        type("name", "不应给别人看到的项目名称");
        expireTheLoginThenClick("#application-submit", "applicant2", "/my-applications");
        assertThat(browser.findElements(By.id("kept-input"))).isEmpty();
        assertThat(find("#app-name").getDomProperty("value")).isEmpty();
    }

    /** Typing kept over a login that was then abandoned for more than an hour is not filled in on a later visit. */
    @Test
    void typingKeptLongAgoIsNotFilledInAnyMore() {
        logIn("applicant1");
        open("/my-applications");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("sessionStorage.setItem('ggg-kept-input', JSON.stringify({path: '/my-applications',"
                + " user: 'applicant1', at: Date.now() - 2 * 60 * 60 * 1000,"
                + " fields: {'app-name': '两小时前填写的项目'}, pages: {}}))");
        open("/my-applications");
        assertThat(browser.findElements(By.id("kept-input"))).isEmpty();
        assertThat(find("#app-name").getDomProperty("value")).isEmpty();
        assertThat(js.executeScript("return sessionStorage.getItem('ggg-kept-input')")).isNull();
    }

    private void type(String key, String value) {
        WebElement input = find("#app-" + key);
        input.clear();
        input.sendKeys(value);
    }

    private void choose(String key, String label) {
        new Select(find("#app-" + key)).selectByVisibleText(label);
    }

    /**
     * 撤回申请 on the project page: only the applicant sees it; without a reason nothing is sent; 返回 sends nothing;
     * 确认撤回 ends the project, which the page then says (已终止, the withdrawal and its reason in 办理过程).
     */
    @Test
    void theApplicantWithdrawsTheApplicationFromTheProjectPage() throws Exception {
        ProjectDriver driver = new ProjectDriver(rest, json);
        com.fasterxml.jackson.databind.JsonNode project = appliedInZhanlong(driver, "占陇镇页面撤回申请项目");
        String id = project.get("id").asText();
        String code = project.get("code").asText();

        logIn("zhanlong1");
        open("/projects/" + id);
        waitUntilReady();
        assertThat(browser.findElements(By.id("withdrawal"))).as("not the town's to withdraw").isEmpty();
        assertThat(browser.findElements(By.id("upload-form"))).as("the town adds to the materials").hasSize(1);
        // The leading group reads the materials but, with nothing of the project to do, adds nothing to them.
        logIn("leader1");
        open("/projects/" + id);
        waitUntilReady();
        assertThat(browser.findElements(By.id("upload-form"))).isEmpty();
        assertThat(find("#upload-refusal").getText()).isEqualTo(
                "只有改造主体、项目所在乡镇、市自然资源局和正在办理本项目事项的单位可以上传附件，您可以查看和下载附件。");

        logIn("applicant1");
        open("/projects/" + id);
        waitUntilReady();
        assertThat(browser.findElements(By.id("upload-form"))).hasSize(1);
        // The reason's label stands above its box.
        org.openqa.selenium.Rectangle label = find("label[for='withdrawal-reason']").getRect();
        assertThat(label.getY() + label.getHeight()).isLessThanOrEqualTo(find("#withdrawal-reason").getRect().getY());
        find("#withdraw-project").click();
        assertThat(find("#withdrawal-error").getText()).isEqualTo("请写明撤回的原因");
        assertThat(browser.findElement(By.id("confirm-withdrawal")).isDisplayed()).isFalse();
        find("#withdrawal-reason").sendKeys("企业经营调整，暂不改造");
        find("#withdraw-project").click();
        WebElement confirm = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-withdrawal")));
        assertThat(confirm.getText()).contains("撤回后本项目的审批即告终止", "不能恢复");
        find("#cancel-withdraw-project").click();
        assertThat(browser.findElement(By.id("confirm-withdrawal")).isDisplayed()).isFalse();
        assertThat(driver.tasks("zhanlong1", code, "Task_SurveyWillingness")).as("nothing sent").hasSize(1);

        find("#withdraw-project").click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("confirm-withdraw-project"))).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
        waitUntilReady();
        assertThat(find("#flash").getText()).contains("已撤回申请", code);
        assertThat(browser.findElements(By.id("withdrawal"))).isEmpty();
        assertThat(find("main").getText()).contains("已终止").containsPattern("申请人撤回申请[\\s\\S]*企业经营调整，暂不改造");
        assertThat(driver.tasks("zhanlong1", code, "Task_SurveyWillingness")).isEmpty();
        // Its materials are its record now: nothing more is added.
        assertThat(browser.findElements(By.id("upload-form"))).isEmpty();
        assertThat(find("#upload-refusal").getText()).isEqualTo("项目已终止，不能再上传附件。");
    }

    /** Once the scheme is approved the page offers no 撤回申请 but says how to end the project instead. */
    @Test
    void afterTheApprovalThePageSaysHowToEndTheProjectInstead() throws Exception {
        ProjectDriver driver = new ProjectDriver(rest, json);
        com.fasterxml.jackson.databind.JsonNode project = appliedInZhanlong(driver, "占陇镇批准后页面撤回项目");
        String id = project.get("id").asText();
        // Where the project stands is its phase (the lifecycle sets it as each phase begins): moved on here by hand.
        jdbc.update("update project set phase = 'LAND_MANAGEMENT' where id = ?", project.get("id").asLong());
        try {
            logIn("applicant1");
            open("/projects/" + id);
            waitUntilReady();
            assertThat(browser.findElements(By.id("withdrawal"))).isEmpty();
            assertThat(find("#withdrawal-instead").getText()).isEqualTo("撤回申请：改造方案已获市政府批准，项目现处“办理用地手续”阶段，"
                    + "不能在系统中自行撤回：请书面向占陇镇提出，由其报市自然资源局处理。");
        } finally {
            jdbc.update("update project set phase = 'INTAKE' where id = ?", project.get("id").asLong());
        }
    }

    /**
     * During the departments' consultation the applicant's 正在办理 says the step once with how many are open
     * (出具部门意见（12项）), not the same name once for every department consulted.
     */
    @Test
    void myApplicationsSaysAStepOpenForManyOfficesOnce() throws Exception {
        ProjectDriver driver = new ProjectDriver(rest, json);
        com.fasterxml.jackson.databind.JsonNode project = appliedInZhanlong(driver, "占陇镇征求意见中的申请");
        String code = project.get("code").asText();
        driver.toConsultation(code, "zhanlong1", "ZL-MYAPP-UNIT");
        int consulted = jdbc.queryForObject("select count(*) from act_ru_task t join act_ru_variable v"
                + " on v.execution_id_ = t.proc_inst_id_ and v.name_ = 'projectId' and v.task_id_ is null"
                + " where t.task_def_key_ = 'Task_GiveDepartmentOpinion' and v.long_ = ?", Integer.class, project.get("id").asLong());
        assertThat(consulted).isGreaterThan(1);

        logIn("applicant1");
        open("/my-applications");
        WebElement row = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#my-project-table tr[data-project-id='" + project.get("id").asText() + "']")));
        assertThat(row.findElements(By.tagName("td")).get(5).getText()).isEqualTo("出具部门意见（" + consulted + "项）");
    }

    /** A key industry project of 占陇镇 applied for by applicant1, waiting for the town's first step. */
    private com.fasterxml.jackson.databind.JsonNode appliedInZhanlong(ProjectDriver driver, String name) throws Exception {
        return driver.apply(validApplication(ProjectDriver.keyIndustryProject(name, "zhanlong")));
    }
}
