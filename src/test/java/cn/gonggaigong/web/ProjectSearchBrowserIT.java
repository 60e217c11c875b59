package cn.gonggaigong.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * 项目查询 in a real browser: an officer finds a project that waits on no one of their office by a word of its name,
 * narrows by phase, keeps the filters in the address, opens the project; a town's officer is offered only its own town
 * and does not find another town's project; an applicant has 我的申请 instead.
 */
class ProjectSearchBrowserIT extends BrowserTestSupport {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;

    @Test
    void anOfficerFindsAProjectByAWordOfItsNameAndOpensIt() throws Exception {
        ProjectDriver driver = new ProjectDriver(rest, json);
        JsonNode zhanlong = driver.apply(validApplication(ProjectDriver.keyIndustryProject("项目查询页面占陇镇袜厂", "zhanlong")));
        JsonNode liushadong = driver.apply(validApplication(ProjectDriver.keyIndustryProject("项目查询页面流沙东五金厂", "liushadong")));

        logIn("nrb-clerk");
        find("nav a[href='/projects']").click();
        waiting().until(ExpectedConditions.urlContains("/projects"));
        assertThat(find("nav a[aria-current='page']").getText()).isEqualTo("项目查询");
        // The keyword box says in full what it takes (its placeholder was cut at the box's width).
        assertThat(placeholderFits("#filter-q")).isTrue();
        find("#filter-q").sendKeys("项目查询页面");
        new Select(find("#filter-phase")).selectByValue("INTAKE");
        find("#filter-submit").click();
        waiting().until(ExpectedConditions.urlContains("q="));
        assertThat(browser.getCurrentUrl()).contains("phase=INTAKE");
        waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#project-table tbody tr[data-project-id]"), 2));
        assertThat(find("#project-table caption").getText()).startsWith("共 2 个项目");
        assertThat(find("#project-table tbody").getText()).contains("项目查询页面占陇镇袜厂", zhanlong.get("code").asText(),
                "占陇镇", "纳入年度实施计划", "审批实施中");
        // 导出台账: the same filters, every project they find, a workbook the officer's session may download.
        String ledger = find("#export-ledger").getAttribute("href");
        assertThat(ledger).contains("/api/projects/ledger.xlsx?").contains("phase=INTAKE").doesNotContain("page=");
        assertThat(find("#export-ledger").getText()).isEqualTo("导出台账（Excel）");
        Object downloaded = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async (r) => {
                  const bytes = new Uint8Array(await r.arrayBuffer());
                  done([r.status, r.headers.get('content-type'), r.headers.get('content-disposition'),
                        String.fromCharCode(bytes[0], bytes[1])]);
                }).catch((e) => done(String(e)));""", ledger);
        assertThat(downloaded).as("the download").isInstanceOf(java.util.List.class);
        java.util.List<?> file = (java.util.List<?>) downloaded;
        assertThat(file.get(0)).isEqualTo(200L);
        assertThat(file.get(1).toString()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(file.get(2).toString()).startsWith("attachment;").contains(".xlsx");
        assertThat(file.get(3)).isEqualTo("PK"); // a zip, as every .xlsx
        // Another phase: none, said in words.
        new Select(find("#filter-phase")).selectByValue("LAND_MANAGEMENT");
        find("#filter-submit").click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("no-projects")));
        // Back keeps the filters (they are the address), and a project opens its 项目详情.
        browser.navigate().back();
        waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#project-table tbody tr[data-project-id]"), 2));
        browser.findElement(By.linkText("项目查询页面流沙东五金厂")).click();
        waiting().until(ExpectedConditions.urlContains("/projects/" + liushadong.get("id").asText()));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("project-figures"), "流沙东街道"));

        // A town's officer: only its own town to choose, and the other town's project is not found.
        logIn("zhanlong1");
        open("/projects?q=" + java.net.URLEncoder.encode("项目查询页面", java.nio.charset.StandardCharsets.UTF_8));
        waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#project-table tbody tr[data-project-id]"), 1));
        assertThat(find("#project-table tbody").getText()).contains("项目查询页面占陇镇袜厂").doesNotContain("流沙东");
        assertThat(new Select(find("#filter-town")).getOptions()).extracting(o -> o.getText()).containsExactly("占陇镇");

        // An applicant follows their projects in 我的申请, which the navigation offers instead.
        logIn("applicant1");
        assertThat(browser.findElements(By.cssSelector("nav a[href='/projects']"))).isEmpty();
        // 我的待办's keyword box too; no choice of the 29 towns for an applicant, who sees only their own projects.
        open("/tasks");
        assertThat(placeholderFits("#filter-q")).isTrue();
        assertThat(browser.findElements(By.id("filter-town"))).isEmpty();
        assertThat(browser.findElements(By.id("filter-phase"))).hasSize(1);
    }

    /** Whether the input's placeholder, in the input's own font, fits inside its padding. */
    private boolean placeholderFits(String css) {
        return (Boolean) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                const input = arguments[0];
                const style = getComputedStyle(input);
                const context = document.createElement('canvas').getContext('2d');
                context.font = style.font;
                const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                return context.measureText(input.placeholder).width <= room;""", find(css));
    }
}
