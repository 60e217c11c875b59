package cn.gonggaigong.monitor;

import cn.gonggaigong.ApplicationTestSupport;
import cn.gonggaigong.web.Chromium;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring page in Debian's headless Chromium: the leading group logs in, the page loads its figures from the
 * API and draws the charts (ECharts from the WebJar), and a click drills down to the projects. A town's officer sees
 * the refusal instead. On failure a screenshot is left in target/e2e-screenshots/ ({@link Chromium.PerClass}).
 */
class MonitorDashboardBrowserIT extends ApplicationTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    MonitorQueries queries;

    @RegisterExtension
    static final Chromium.PerClass CHROMIUM = new Chromium.PerClass();

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void useTheClassesBrowser() {
        MonitorSeed.seed(jdbc, engine);
        browser = CHROMIUM.driver();
        CHROMIUM.forgetEveryLogin();
        // Tall enough for the whole dashboard (charts, tables) without scrolling.
        browser.manage().window().setSize(new Dimension(1400, 2400));
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        // The login page's body can be found just before the browser leaves it for the dashboard.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    private void logIn(String user) {
        browser.get("http://localhost:" + port + "/monitor/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    @Test
    void theLeadingGroupSeesTheFiguresAndDrillsDown() {
        // A missed deadline of MON-H3's monitoring agreement, found at midnight in Puning (16:00 UTC the day before).
        jdbc.update("""
                insert into agreement_milestone (project_id, agreement_number, term, name, deadline, breached_at)
                select id, 'JG-MON-1', 'constructionStartDeadline', '动工建设', date '2026-10-31',
                       timestamptz '2026-11-01 00:00:00+08'
                from project p where code = 'MON-H3'
                  and not exists (select 1 from agreement_milestone m where m.project_id = p.id)""");
        // And an administrator suspended (挂起) MON-H3's process: its late task is marked in the overdue list.
        String h3Instance = jdbc.queryForObject("select process_instance_id from project where code = 'MON-H3'", String.class);
        engine.getRuntimeService().suspendProcessInstanceById(h3Instance);
        try {
            logIn("leader1");
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));
            // The card counts the suspended projects and lists them.
            long suspended = jdbc.queryForObject("""
                    select count(distinct e.root_proc_inst_id_) from clock_suspension c
                      join act_ru_execution e on e.id_ = c.process_instance_id""", Long.class);
            assertThat(suspended).isPositive();
            assertThat(browser.findElement(By.id("total-suspended")).getText()).isEqualTo(Long.toString(suspended));
            browser.findElement(By.id("total-suspended")).click();
            wait.until(ExpectedConditions.textToBe(By.id("drill-title"), "审批流程已挂起的项目"));
            assertThat(browser.findElement(By.id("drill-table")).getText()).contains("MON-H3");
            browser.findElement(By.id("drill-close")).click();
        } finally {
            engine.getRuntimeService().activateProcessInstanceById(h3Instance);
        }
        assertThat(browser.getCurrentUrl()).contains("/monitor/");
        WebElement late = browser.findElement(By.xpath("//table[@id='overdue-table']//tr[contains(., 'MON-H3')]"));
        assertThat(late.findElement(By.cssSelector("[data-suspended]")).getText()).isEqualTo("已挂起");
        assertThat(browser.findElements(By.cssSelector("#overdue-table [data-suspended]"))).hasSize(1);
        WebElement breach = browser.findElement(By.xpath("//table[@id='breach-table']//tr[contains(., 'MON-H3')]"));
        assertThat(breach.findElements(By.tagName("td"))).extracting(WebElement::getText)
                .containsExactly(breach.findElement(By.tagName("a")).getText(), "后溪乡", "动工建设", "2026-10-31",
                        "2026-11-01", "已逾期", "待乡镇说明", "乡镇尚未说明逾期情况");
        assertThat(breach.findElement(By.tagName("a")).getDomAttribute("href")).startsWith("/projects/");
        assertThat(browser.getTitle()).contains("工改工");

        long active = jdbc.queryForObject("select count(*) from project where status = 'ACTIVE' and phase is not null", Long.class);
        assertThat(browser.findElement(By.id("total-active")).getText()).isEqualTo(Long.toString(active));
        // The cards count the whole city's red warnings, also those on the bureaus' steps that no town's row counts.
        long red = jdbc.queryForObject("select count(*) from task_warning where closed_at is null and grade = 'RED'", Long.class);
        wait.until(ExpectedConditions.textToBe(By.id("total-red"), Long.toString(red)));
        for (String chart : List.of("chart-phase", "chart-league", "chart-trend")) {
            assertThat(browser.findElements(By.cssSelector("#" + chart + " canvas"))).as(chart).isNotEmpty();
        }
        assertThat(browser.findElements(By.cssSelector("#league-table tbody tr"))).hasSize(29);
        assertThat(browser.findElements(By.cssSelector("#report-table tbody tr"))).hasSize(30);
        List<String> heads = browser.findElements(By.cssSelector("#report-table thead th")).stream().map(WebElement::getText).toList();
        assertThat(heads).contains("已列入年度计划", "纳入年度实施计划（在办）").doesNotContain("纳入计划");
        // The 合计 row drills into the whole city's projects, as a town's row into the town's.
        WebElement total = browser.findElement(By.cssSelector("#report-table tbody tr:last-child"));
        assertThat(total.findElement(By.tagName("td")).getText()).isEqualTo("合计");
        WebElement figure = total.findElements(By.cssSelector("td[role=button]")).get(0);
        String count = figure.getText();
        assertThat(Long.parseLong(count)).isPositive();
        figure.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("drill-title"), " · 全市"));
        assertThat(browser.findElement(By.id("drill-count")).getText()).startsWith("共 " + count + " 个项目");
        assertThat(browser.findElement(By.id("overdue-table")).getText()).contains("MON-H3").contains("后溪乡");
        // A town with nothing overdue is told so, not shown an empty table.
        String quiet = jdbc.queryForList("select code from town order by code", String.class).stream()
                .filter(town -> queries.overdue(town, 0, 1).total() == 0).findFirst().orElseThrow();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("overdue-town"))).selectByValue(quiet);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("overdue-table"), "该镇街暂无逾期事项"));
        // 导出 Excel follows the chosen town and gives the whole list, with the leading group's session; so does the
        // missed agreement deadlines'.
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("breach-town"))).selectByValue(quiet);
        wait.until(ExpectedConditions.attributeContains(By.id("breach-export"), "href",
                "/api/monitor/agreement-breaches.xlsx?town=" + quiet));
        wait.until(ExpectedConditions.attributeContains(By.id("overdue-export"), "href", "/api/monitor/overdue.xlsx?town=" + quiet));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("overdue-town"))).selectByValue("");
        wait.until(ExpectedConditions.attributeToBe(By.id("overdue-export"), "href",
                browser.getCurrentUrl().replaceAll("(https?://[^/]+).*", "$1") + "/api/monitor/overdue.xlsx"));
        Object download = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById('overdue-export').href).then(async (r) => {
                  const bytes = new Uint8Array(await r.arrayBuffer());
                  done([r.status, r.headers.get('content-disposition') || '', String.fromCharCode(bytes[0], bytes[1])]);
                }).catch((e) => done(String(e)));""");
        assertThat(download).isInstanceOf(List.class);
        List<?> file = (List<?>) download;
        assertThat(file.get(0)).isEqualTo(200L);
        assertThat(file.get(1).toString()).startsWith("attachment;").contains(".xlsx");
        assertThat(file.get(2)).isEqualTo("PK"); // a zip, as every .xlsx
        // 各单位办理时效: this month's first; September's, when 后溪乡 completed the seed's first steps, one choice away,
        // each office named and its figures as the query counts them.
        org.openqa.selenium.support.ui.Select officeMonth = new org.openqa.selenium.support.ui.Select(
                browser.findElement(By.id("office-month")));
        assertThat(officeMonth.getFirstSelectedOption().getDomAttribute("value")).isEqualTo(java.time.YearMonth.now().toString());
        officeMonth.selectByValue("2026-09");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("office-as-of"), "办结数为2026年9月办结的事项"));
        MonitorViews.OfficeRow houxiOffice = queries.offices(java.time.YearMonth.of(2026, 9)).stream()
                .filter(r -> r.office().equals("town-houxi")).findFirst().orElseThrow();
        List<WebElement> officeCells = browser.findElement(By.cssSelector("#office-table tbody tr[data-office='town-houxi']"))
                .findElements(By.tagName("td"));
        assertThat(officeCells.get(0).getText()).isEqualTo("后溪乡");
        assertThat(officeCells.get(1).getText()).isEqualTo(Long.toString(houxiOffice.completedTasks())).isNotEqualTo("0");
        assertThat(officeCells.get(5).getText()).isEqualTo(Long.toString(houxiOffice.openTasks()));
        assertThat(officeCells.get(6).getText()).isEqualTo(Long.toString(houxiOffice.overdueTasks()));
        // The 月报表's months are named in Chinese, this month first (the browser's own picker was English here);
        // another month is one choice away, and its export follows it.
        org.openqa.selenium.support.ui.Select month = new org.openqa.selenium.support.ui.Select(
                browser.findElement(By.id("report-month")));
        java.time.YearMonth now = java.time.YearMonth.now();
        assertThat(month.getFirstSelectedOption().getText()).isEqualTo(now.getYear() + "年" + now.getMonthValue() + "月");
        // From this month back to the first project's month, at least the last 12 (not a fixed four years, which
        // hid older months and offered months before the installation).
        java.time.YearMonth firstProject = java.time.YearMonth.from(jdbc.queryForObject(
                "select min(created_at) from project", java.sql.Timestamp.class).toInstant()
                .atZone(cn.gonggaigong.clock.WorkingDayCalendar.ZONE));
        java.time.YearMonth earliest = firstProject.isBefore(now.minusMonths(11)) ? firstProject : now.minusMonths(11);
        assertThat(month.getOptions()).hasSize((int) java.time.temporal.ChronoUnit.MONTHS.between(earliest, now) + 1);
        assertThat(month.getOptions().get(month.getOptions().size() - 1).getDomAttribute("value")).isEqualTo(earliest.toString());
        // The page says, as the exported workbook does, that the project counts are now's, whichever month is chosen.
        wait.until(ExpectedConditions.textMatches(By.id("report-as-of"), java.util.regex.Pattern.compile(
                "^统计时点：\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}（项目数为统计时点状态，不随所选月份变化；预警数为"
                        + now.getYear() + "年" + now.getMonthValue() + "月发生数）$")));
        month.selectByValue(now.minusMonths(1).toString());
        wait.until(ExpectedConditions.attributeContains(By.id("report-export"), "href", "month=" + now.minusMonths(1)));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-as-of"),
                "预警数为" + now.minusMonths(1).getYear() + "年" + now.minusMonths(1).getMonthValue() + "月发生数"));
        assertThat(browser.findElements(By.cssSelector("#report-table tbody tr"))).hasSize(30);

        WebElement houxi = browser.findElement(By.cssSelector("#league-table tbody tr[data-town=houxi]"));
        List<WebElement> cells = houxi.findElements(By.tagName("td"));
        assertThat(cells.get(0).getText()).isEqualTo("后溪乡");
        assertThat(cells.get(3).getText()).isEqualTo("50.0%");
        assertThat(cells.get(6).getText()).isEqualTo("1");
        // By keyboard as by mouse: the cell takes the focus and Enter opens its projects.
        assertThat(cells.get(6).getDomAttribute("tabindex")).isEqualTo("0");
        cells.get(6).sendKeys(org.openqa.selenium.Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("drill-panel")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("drill-title"), "有乡镇经办事项未关闭红牌的项目"));
        assertThat(browser.findElement(By.id("drill-table")).getText()).contains("MON-H3").contains("编制改造方案");
        long h3 = jdbc.queryForObject("select id from project where code = 'MON-H3'", Long.class);
        assertThat(browser.findElement(By.linkText("MON-H3")).getDomAttribute("href")).isEqualTo("/projects/" + h3);

        // 退出登录 from the dashboard's header ends the session: the dashboard asks for a login again.
        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.get("http://localhost:" + port + "/monitor/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    }

    @Test
    void aTownOfficerIsToldTheFiguresAreNotForThem() {
        logIn("zhanlong1");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(browser.findElement(By.id("error")).getText()).contains("领导小组");
        // Only the refusal and the way back, not an empty dashboard under it.
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.tagName("main")));
        assertThat(browser.findElement(By.id("total-active")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.linkText("我的待办")).isDisplayed()).isTrue();
    }
}
