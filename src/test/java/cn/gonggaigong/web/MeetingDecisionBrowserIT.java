package cn.gonggaigong.web;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 会议决定 in a real browser: the planning committee's officer records one meeting with a decision for each of
 * three projects on the agenda; a missing 文号 is told and nothing is decided; once complete, one submission
 * completes every project's review and each goes on to the government's approval.
 */
class MeetingDecisionBrowserIT extends BrowserTestSupport {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void oneMeetingDecidesSeveralProjectsAtOnce() throws Exception {
        ProjectDriver driver = new ProjectDriver(rest, json);
        List<JsonNode> projects = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            JsonNode project = driver.apply(validApplication(ProjectDriver.keyIndustryProject(
                    "占陇镇会议审议测试项目" + i, "zhanlong")));
            driver.toCommitteeReview(project.get("code").asText(), "zhanlong1", "ZL-MEETING-" + i);
            projects.add(project);
        }
        List<String> ours = projects.stream().map(p -> p.get("id").asText()).toList();

        logIn("committee1");
        find("nav a[href='/meetings']").click();
        waiting().until(ExpectedConditions.urlContains("/meetings"));
        waitUntilReady();
        List<WebElement> agenda = browser.findElements(By.cssSelector("#agenda tbody tr[data-task-id]"));
        assertThat(find("#agenda-title").getText()).isEqualTo("议程（" + agenda.size() + " 个待审议项目）");
        assertThat(find("label[for='meeting-minutes']").getText()).isEqualTo("会议纪要 *");
        assertThat(agenda).extracting(r -> r.getDomAttribute("data-project-id")).containsAll(ours);
        for (WebElement row : agenda) {
            WebElement include = row.findElement(By.cssSelector("input[id^='include-']"));
            if (!ours.contains(row.getDomAttribute("data-project-id")) && include.isSelected()) {
                include.click();
            }
            if (ours.contains(row.getDomAttribute("data-project-id"))) {
                new Select(row.findElement(By.cssSelector("select[id^='decision-']"))).selectByVisibleText("审议通过");
                new Select(row.findElement(By.cssSelector("select[id^='extra-']"))).selectByVisibleText("否");
                row.findElement(By.cssSelector("input[id^='opinion-']")).sendKeys("同意改造方案");
            }
        }
        // Typed as people write it, whatever the browser's language (its own date control was mm/dd/yyyy in English).
        find("#meeting-date").sendKeys("2026/7/1");
        find("#meeting-minutes").sendKeys("审议占陇镇三个“工改工”项目改造方案");

        // No 文号: the meeting is refused with the reason beside the field, and no project is decided.
        find("#meeting-submit").click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("meeting-documentNumber-error")));
        assertThat(find("#meeting-documentNumber-error").getText()).isEqualTo("必填");
        for (JsonNode project : projects) {
            assertThat(driver.tasks("committee1", project.get("code").asText(), "Task_ReviewScheme")).hasSize(1);
        }

        find("#meeting-document").sendKeys("普规委〔2026〕22号");
        // The login expired meanwhile (the session ends): 提交 leads through the login back to the meeting as it was
        // filled in, each project's decision on its own row, and nothing decided yet.
        expireTheLoginThenClick("#meeting-submit", "committee1", "/meetings");
        assertThat(find("#kept-input").getText()).contains("刚才填写的内容已恢复");
        assertThat(pageAsksBeforeLeaving()).as("restored, not sent yet").isTrue();
        assertThat(find("#meeting-date").getDomProperty("value")).isEqualTo("2026/7/1");
        assertThat(find("#meeting-document").getDomProperty("value")).isEqualTo("普规委〔2026〕22号");
        assertThat(find("#meeting-minutes").getDomProperty("value")).isEqualTo("审议占陇镇三个“工改工”项目改造方案");
        for (WebElement row : browser.findElements(By.cssSelector("#agenda tbody tr[data-task-id]"))) {
            boolean our = ours.contains(row.getDomAttribute("data-project-id"));
            assertThat(row.findElement(By.cssSelector("input[id^='include-']")).isSelected()).isEqualTo(our);
            if (our) {
                assertThat(new Select(row.findElement(By.cssSelector("select[id^='decision-']"))).getFirstSelectedOption()
                        .getText()).isEqualTo("审议通过");
                assertThat(row.findElement(By.cssSelector("input[id^='opinion-']")).getDomProperty("value")).isEqualTo("同意改造方案");
            }
        }
        for (JsonNode project : projects) {
            assertThat(driver.tasks("committee1", project.get("code").asText(), "Task_ReviewScheme")).hasSize(1);
        }

        find("#meeting-submit").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("meeting-message"), "会议决定已登记"));
        assertThat(find("#meeting-message").getText()).contains("3 个项目");
        assertThat(pageAsksBeforeLeaving()).as("the meeting recorded").isFalse();
        WebElement button = find("#meeting-submit");
        assertThat(button.isEnabled()).isFalse();
        assertThat(button.getText()).isEqualTo("已提交");
        assertThat(find("#past-meetings").getText()).contains("普规委〔2026〕22号");
        assertThat(jdbc.queryForObject("select meeting_date::text from meeting where document_number = '普规委〔2026〕22号' order by id desc limit 1",
                String.class)).isEqualTo("2026-07-01");
        assertThat(find("#agenda-title").getText()).isEqualTo("议程（" + (agenda.size() - 3) + " 个待审议项目）");

        for (JsonNode project : projects) {
            String code = project.get("code").asText();
            assertThat(driver.tasks("committee1", code, "Task_ReviewScheme")).as(code).isEmpty();
            assertThat(driver.tasks("gov1", code, "Task_ApproveScheme")).as(code).hasSize(1);
        }

        // 项目详情 shows the scheme the committee passed, apart from the figures of the application.
        open("/projects/" + projects.get(0).get("id").asText());
        assertThat(find("#scheme-figures").getText()).startsWith("第 1 版").contains("总计容建筑面积", "容积率");
        assertThat(find("#project-figures").getText()).contains("申请时规划建筑面积（平方米）")
                // The subject NRB confirmed, under the applicant.
                .containsPattern("申请人类型\\s+\\S+\\s+改造主体\\s+普宁市某纺织有限公司");
    }

    /**
     * The government's meeting refuses a scheme (不予批准), which ends the project for good: the page lists the
     * projects so ended and asks once more; 返回修改 decides nothing, 确认提交 records the meeting.
     */
    @Test
    void aDecisionThatEndsAProjectIsConfirmedBeforeTheMeetingIsRecorded() throws Exception {
        ProjectDriver driver = new ProjectDriver(rest, json);
        JsonNode project = driver.apply(validApplication(ProjectDriver.keyIndustryProject("占陇镇会议否决确认项目", "zhanlong")));
        String code = project.get("code").asText();
        driver.toGovernmentApproval(code, "zhanlong1", "ZL-MEETING-REJECT");

        logIn("gov1");
        open("/meetings?kind=GOVERNMENT");
        waitUntilReady();
        WebElement row = onlyOnAgenda(project);
        new Select(row.findElement(By.cssSelector("select[id^='decision-']"))).selectByVisibleText("不予批准");
        row.findElement(By.cssSelector("input[id^='opinion-']")).sendKeys("不符合产业导向");
        find("#meeting-date").sendKeys(cn.gonggaigong.clock.WorkingDayCalendar.today().toString());
        find("#meeting-document").sendKeys("普府常〔2026〕" + code);
        find("#meeting-minutes").sendKeys("审议改造方案");

        find("#meeting-submit").click();
        WebElement confirm = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-ending")));
        assertThat(confirm.getText()).contains("审批即告终止", "占陇镇会议否决确认项目（" + code + "）：不予批准 → 改造方案未获通过");
        find("#cancel-submit").click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-ending")));
        assertThat(driver.tasks("gov1", code, "Task_ApproveScheme")).as("nothing decided").hasSize(1);

        find("#meeting-submit").click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("confirm-submit"))).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("meeting-message"), "会议决定已登记"));
        assertThat(driver.tasks("gov1", code, "Task_ApproveScheme")).isEmpty();
        assertThat(jdbc.queryForObject("select status from project where code = ?", String.class, code)).isEqualTo("REJECTED");
    }

    /**
     * The committee's 不予通过 ends the project unless it is a major matter (涉及重大事项), which goes to the leading
     * group instead: the task page and the meeting ask to confirm it only when it ends the project.
     */
    @Test
    void theCommitteesRefusalIsConfirmedOnlyWhenItEndsTheProject() throws Exception {
        ProjectDriver driver = new ProjectDriver(rest, json);
        String onPage = driver.apply(validApplication(ProjectDriver.keyIndustryProject("占陇镇规委会否决确认项目", "zhanlong")))
                .get("code").asText();
        driver.toCommitteeReview(onPage, "zhanlong1", "ZL-COMMITTEE-PAGE");
        JsonNode atMeeting = driver.apply(validApplication(ProjectDriver.keyIndustryProject("占陇镇规委会会议重大事项项目", "zhanlong")));
        String meetingCode = atMeeting.get("code").asText();
        driver.toCommitteeReview(meetingCode, "zhanlong1", "ZL-COMMITTEE-MEETING");

        // The task page: 不予通过, not a major matter, is asked about; a major matter is not, and goes to the leading group.
        logIn("committee1");
        open("/tasks/" + driver.tasks("committee1", onPage, "Task_ReviewScheme").get(0).get("id").asText());
        waitUntilReady();
        find("[id$='-Field_committeeDecision-2']").click();
        find("[id$='-Field_majorMatter-1']").click();
        WebElement meetingDate = find("[id$='-Field_meetingDate-date']");
        meetingDate.click();
        meetingDate.sendKeys(cn.gonggaigong.clock.WorkingDayCalendar.today().toString(), org.openqa.selenium.Keys.ENTER);
        find("[id$='-Field_documentNumber']").sendKeys("普规委〔2026〕" + onPage);
        // The reason a refusal requires is asked for first: no confirmation for what the server would refuse.
        find("#submit-task").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-message"), "表单校验未通过"));
        assertThat(find("#task-form").getText()).contains("不予通过时必填：写明理由");
        assertThat(browser.findElement(By.id("confirm-ending")).isDisplayed()).isFalse();
        find("[id$='-Field_opinion']").sendKeys("用地规模与产业导向不符");
        find("#submit-task").click();
        WebElement confirm = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-ending")));
        assertThat(confirm.getText()).contains("按“不予通过”提交后，本项目的审批即告终止（改造方案未获通过），不能撤回");
        find("#cancel-submit").click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-ending")));
        find("[id$='-Field_majorMatter-0']").click();
        find("#submit-task").click();
        waiting().until(ExpectedConditions.urlMatches(".*/tasks$"));
        assertThat(driver.tasks("leader1", onPage, "Task_DecideMajorMatter")).as("the leading group decides").hasSize(1);
        assertThat(jdbc.queryForObject("select status from project where code = ?", String.class, onPage)).isNotEqualTo("REJECTED");

        // The meeting: the same for one project on the agenda.
        open("/meetings?kind=COMMITTEE");
        waitUntilReady();
        WebElement ours = onlyOnAgenda(atMeeting);
        new Select(ours.findElement(By.cssSelector("select[id^='decision-']"))).selectByVisibleText("不予通过");
        Select major = new Select(ours.findElements(By.cssSelector("select[id^='extra-']")).stream()
                .filter(e -> e.getDomAttribute("aria-label").contains("重大事项")).findFirst().orElseThrow());
        major.selectByVisibleText("否");
        find("#meeting-date").sendKeys(cn.gonggaigong.clock.WorkingDayCalendar.today().toString());
        find("#meeting-document").sendKeys("普规委〔2026〕" + meetingCode);
        find("#meeting-minutes").sendKeys("审议改造方案");
        // The reason a refusal requires is asked for first, under the project's row.
        find("#meeting-submit").click();
        waiting().until(ExpectedConditions.textToBePresentInElement(ours.findElement(By.cssSelector("[id^='agenda-error-']")),
                "意见：不予通过时必填：写明理由"));
        assertThat(browser.findElement(By.id("confirm-ending")).isDisplayed()).isFalse();
        ours.findElement(By.cssSelector("input[id^='opinion-']")).sendKeys("用地规模与产业导向不符");
        find("#meeting-submit").click();
        confirm = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-ending")));
        assertThat(confirm.getText()).contains("占陇镇规委会会议重大事项项目（" + meetingCode + "）：不予通过 → 改造方案未获通过");
        find("#cancel-submit").click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-ending")));
        major.selectByVisibleText("是");
        find("#meeting-submit").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("meeting-message"), "会议决定已登记"));
        assertThat(browser.findElement(By.id("confirm-ending")).isDisplayed()).isFalse();
        assertThat(driver.tasks("leader1", meetingCode, "Task_DecideMajorMatter")).hasSize(1);
    }

    /** Leaves only {@code project} on the agenda (other tests' projects wait there too); its row. */
    private WebElement onlyOnAgenda(JsonNode project) {
        WebElement ours = null;
        for (WebElement row : browser.findElements(By.cssSelector("#agenda tbody tr[data-task-id]"))) {
            boolean mine = project.get("id").asText().equals(row.getDomAttribute("data-project-id"));
            WebElement include = row.findElement(By.cssSelector("input[id^='include-']"));
            if (include.isSelected() != mine) {
                include.click();
            }
            if (mine) {
                ours = row;
            }
        }
        assertThat(ours).as("the project on the agenda").isNotNull();
        return ours;
    }
}
