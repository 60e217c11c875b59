package cn.gonggaigong.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Camunda's Admin (the administrators') and Cockpit (NRB's and the leading group's) speak Chinese, in a real browser:
 * their config.js offers the one locale zh, and locales/zh.json is read (CamundaWebappLocalesTest checks its texts).
 */
class CamundaWebappsBrowserIT extends BrowserTestSupport {

    @Test
    void adminListsTheUsersInChinese() {
        logIn("admin");
        browser.get(url("/camunda/app/admin/default/#/users"));
        waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("占陇镇"));
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains("工改工 系统管理", "用户列表", "添加用户");
        assertThat(browser.getTitle()).contains("系统管理");
    }

    @Test
    void theLeadingGroupsCockpitIsInChinese() {
        logIn("leader1");
        browser.get(url("/camunda/app/cockpit/default/#/dashboard"));
        waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("运行中的流程实例"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("工改工 驾驶舱", "当前概况", "未解决的故障",
                "流程定义");
        // Camunda's banner urging a migration to Camunda 8 is the administrators' concern, not the leading group's.
        waiting().until(d -> pageMarkedAs("ggg-officer"));
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).isNotEmpty().noneMatch(WebElement::isDisplayed);
        browser.get(url("/camunda/app/cockpit/default/#/processes"));
        waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("工改工项目全生命周期"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("流程定义");
    }
}
