package cn.gonggaigong.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In-app notifications in a real browser: leader1 urges (催办) a zhanlong project's first town task; zhanlong1 sees
 * 1 unread on the header's 消息 link, opens 消息通知, finds the urge with a working link to the task, marks it read
 * and the badge is gone; liushadong1 (another town) is not notified.
 */
class NotificationsBrowserIT extends BrowserTestSupport {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;

    @Test
    void anUrgedTownOfficerSeesTheBadgeReadsTheMessageAndMarksItRead() throws Exception {
        ProjectDriver driver = new ProjectDriver(rest, json);
        JsonNode project = driver.apply(validApplication(ProjectDriver.keyIndustryProject("占陇镇消息通知测试织造厂“工改工”项目", "zhanlong")));
        String code = project.get("code").asText();
        List<JsonNode> tasks = driver.tasks("zhanlong1", code, "Task_SurveyWillingness");
        assertThat(tasks).hasSize(1);
        String taskId = tasks.get(0).get("id").asText();

        // Earlier tests share the application: whatever the two officers had is read, so the count is ours alone.
        markAllRead("zhanlong1");
        markAllRead("liushadong1");
        // The leading group urges from the task's page: without a requirement it is refused; with one, sent to the town.
        String urge = "请于本周内完成改造意愿摸查（消息通知测试）";
        logIn("leader1");
        open("/tasks/" + taskId);
        waitUntilReady();
        browser.findElement(By.xpath("//summary[normalize-space(.)='催办']")).click();
        find("#urge-send").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("urge-message"), "必填"));
        find("#urge-text").sendKeys(urge);
        find("#urge-send").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("urge-message"), "已向占陇镇发出催办"));

        // The header of 我的待办: 消息 with 1 unread, said in words for screen readers.
        logIn("zhanlong1");
        WebElement badge = find("#unread-badge");
        assertThat(badge.getText()).isEqualTo("1");
        WebElement link = find("#notifications-link");
        assertThat(link.getDomAttribute("aria-label")).isEqualTo("消息（1条未读）");

        // 消息通知: the urge, newest first, unread, 催办, with the message and a link to the task.
        link.click();
        waiting().until(ExpectedConditions.urlMatches(".*/notifications$"));
        waitUntilReady();
        assertThat(find("h1").getText()).isEqualTo("消息通知");
        WebElement first = find("#notification-list li[data-notification-id]");
        assertThat(first.getDomAttribute("class")).contains("unread");
        // Fewer than a page of messages: nothing more to load, and no button saying so.
        assertThat(browser.findElement(By.id("notifications-more")).isDisplayed()).isFalse();
        assertThat(first.getText()).contains("催办", "未读", urge, "摸查改造意愿", "标为已读");
        assertThat(first.findElement(By.cssSelector("[data-grade]")).getText()).isEqualTo("催办");
        WebElement taskLink = first.findElement(By.cssSelector("a.task-link"));
        assertThat(taskLink.getDomAttribute("href")).isEqualTo("/tasks/" + taskId);
        assertThat(first.findElement(By.cssSelector("a.project-link")).getDomAttribute("href"))
                .isEqualTo("/projects/" + project.get("id").asLong());

        // The link opens the task's page with its form.
        taskLink.click();
        waiting().until(ExpectedConditions.urlContains("/tasks/" + taskId));
        waitUntilReady();
        find("[id$='-Field_agreePercent']");
        assertThat(find("#unread-badge").getText()).isEqualTo("1");
        assertThat(browser.findElements(By.id("urge-send"))).as("the town does not urge itself").isEmpty();

        // Back on 消息通知: 标为已读 marks it read and the badge disappears.
        open("/notifications");
        first = find("#notification-list li[data-notification-id]");
        first.findElement(By.cssSelector("button.mark-read")).click();
        waiting().until(ExpectedConditions.attributeToBe(By.cssSelector("#notification-list li[data-notification-id='"
                + first.getDomAttribute("data-notification-id") + "']"), "data-read", "true"));
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("unread-badge")));
        assertThat(find("#notifications-link").getDomAttribute("aria-label")).isEqualTo("消息");
        assertThat(first.getText()).contains("已读").doesNotContain("标为已读");

        // 回告 from the page: empty is refused with the reason, a reply is kept with the warning.
        WebElement details = first.findElement(By.cssSelector("details.reply"));
        details.findElement(By.tagName("summary")).click();
        waiting().until(ExpectedConditions.textToBePresentInElement(details.findElement(By.cssSelector("[data-reply-state]")), "尚未回告"));
        details.findElement(By.cssSelector("button")).click();
        waiting().until(ExpectedConditions.textToBePresentInElement(details.findElement(By.cssSelector("[data-reply-state]")), "必填"));
        details.findElement(By.tagName("textarea")).sendKeys("已入户摸查，周五前完成");
        details.findElement(By.cssSelector("button")).click();
        waiting().until(ExpectedConditions.textToBePresentInElement(details.findElement(By.cssSelector("[data-reply-state]")),
                "已回告"));
        String warningId = details.getDomAttribute("data-warning-id");
        JsonNode warning = json.readTree(rest.withBasicAuth("leader1", "demo").getForObject("/api/warnings/" + warningId, String.class));
        assertThat(warning.get("reply").asText()).isEqualTo("已入户摸查，周五前完成");
        assertThat(warning.get("repliedBy").asText()).isEqualTo("zhanlong1");
        open("/tasks");
        assertThat(browser.findElement(By.id("unread-badge")).isDisplayed()).isFalse();

        // Another town's officer was not told.
        logIn("liushadong1");
        find("#notifications-link");
        assertThat(browser.findElement(By.id("unread-badge")).isDisplayed()).isFalse();
        open("/notifications");
        assertThat(find("main").getText()).doesNotContain(urge);
    }

    private void markAllRead(String user) throws Exception {
        TestRestTemplate as = rest.withBasicAuth(user, "demo");
        for (JsonNode n : json.readTree(as.getForObject("/api/notifications?unreadOnly=true&size=100", String.class))) {
            assertThat(as.postForEntity("/api/notifications/" + n.get("id").asLong() + "/read", null, String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        }
    }
}
