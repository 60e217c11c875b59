package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.decision.DecisionRecordRepository;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * Camunda's own doors to a task — its REST API and Tasklist — are held to the checks of the task page: a form with a
 * required field left out, or a date the task's rules refuse, is a 400 with the reasons in Chinese, and the task stays
 * open with nothing of the attempt saved; a variable the form does not have is refused as on the page
 * ({@link EngineFormFieldsFilter}). What passes is stored typed as the page stores it. Claiming and releasing
 * follow the page's rules ({@link EngineClaimFilter}).
 */
class EngineDoorChecksIT extends WorkApiTestSupport {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    DecisionRecordRepository decisions;
    @LocalServerPort
    int port;

    @Test
    void theRestApiRefusesWhatTheTaskPageRefusesAndTypesWhatItTakes() throws Exception {
        JsonNode project = apply("zhanlong", "占陇镇引擎接口校验项目");
        String code = project.get("code").asText();
        int recorded = decisions.findByProjectIdOrderByDecidedAtAscIdAsc(project.get("id").asLong()).size();
        String task = taskId("zhanlong1", code, "Task_SurveyWillingness");
        String instance = taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();

        // Nothing filled in: every required field is named, by its label.
        ResponseEntity<String> empty = engineRest("/task/" + task + "/complete", Map.of("variables", Map.of()));
        assertThat(empty.getStatusCode().value()).as(empty.getBody()).isEqualTo(400);
        String message = json.readTree(empty.getBody()).get("message").asText();
        assertThat(message).contains("表单校验未通过（摸查改造意愿）")
                .contains("“相关权利主体是否同意改造”必填", "“同意改造的权利主体占比（%）”必填");
        assertThat(message).doesNotContain("ENGINE-");

        // A survey dated after today, and a share over 100 %: the page's reasons.
        String tomorrow = WorkingDayCalendar.today().plusDays(1).toString();
        ResponseEntity<String> wrong = engineRest("/task/" + task + "/submit-form", Map.of("variables", Map.of(
                "willingnessAgreed", typed(true, "Boolean"), "agreePercent", typed(120, "Integer"),
                "surveyDate", typed(tomorrow, "String"))));
        assertThat(wrong.getStatusCode().value()).as(wrong.getBody()).isEqualTo(400);
        // Both at once, the field's own rule and the date's rule across the calendar, not the second after the first.
        assertThat(json.readTree(wrong.getBody()).get("message").asText()).contains("“同意改造的权利主体占比（%）”不能大于100")
                .contains("不能晚于今天");
        ResponseEntity<String> future = engineRest("/task/" + task + "/complete", Map.of("variables", Map.of(
                "willingnessAgreed", typed(true, "Boolean"), "agreePercent", typed(95, "Integer"),
                "surveyDate", typed(tomorrow, "String"))));
        assertThat(future.getStatusCode().value()).as(future.getBody()).isEqualTo(400);
        assertThat(json.readTree(future.getBody()).get("message").asText()).contains("不能晚于今天");

        // A variable the form does not have would reach the process (its town): refused, whatever else is right.
        ResponseEntity<String> smuggled = engineRest("/task/" + task + "/complete", Map.of("variables", Map.of(
                "willingnessAgreed", typed(true, "Boolean"), "agreePercent", typed(95, "Integer"),
                "surveyDate", typed(WorkingDayCalendar.today().toString(), "String"),
                "townGroup", typed("town-liushadong", "String"))));
        assertThat(smuggled.getStatusCode().value()).as(smuggled.getBody()).isEqualTo(400);
        assertThat(json.readTree(smuggled.getBody()).get("message").asText())
                .isEqualTo("表单校验未通过：“townGroup”表单中没有该字段，不能在办理时设置");
        assertThat(taskService.getVariable(task, "townGroup")).isEqualTo("town-zhanlong");

        // Nothing of the refused attempts was kept: the task is open, no decision recorded, no value stored.
        assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
        assertThat(decisions.findByProjectIdOrderByDecidedAtAscIdAsc(project.get("id").asLong())).hasSize(recorded);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("agreePercent").count()).isZero();

        // A whole number sent as an Integer is stored as the page stores a share: a Double.
        ResponseEntity<String> done = engineRest("/task/" + task + "/complete", Map.of("variables", Map.of(
                "willingnessAgreed", typed(true, "Boolean"), "agreePercent", typed(95, "Integer"),
                "surveyDate", typed(WorkingDayCalendar.today().toString(), "String"))));
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("agreePercent").singleResult().getValue()).isEqualTo(95.0);
        assertThat(taskId("zhanlong1", code, "Task_SurveyBaseData")).isNotBlank();
    }

    @Test
    void tasklistSubmittingTheFormIsHeldToTheSameRules() throws Exception {
        String code = apply("zhanlong", "占陇镇任务列表校验项目").get("code").asText();
        String task = taskId("zhanlong1", code, "Task_SurveyWillingness");
        HttpClient browser = loggedIn("zhanlong1");
        // Tasklist's first call gives the webapps' CSRF token, which every change must send back.
        HttpResponse<String> list = browser.send(request("/camunda/api/engine/engine/default/task?taskId=" + task)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        String token = list.headers().firstValue("X-XSRF-TOKEN").orElseThrow();

        String unfinished = json.writeValueAsString(Map.of("variables", Map.of(
                "willingnessAgreed", typed(true, "Boolean"), "agreePercent", typed(95, "Long"))));
        HttpResponse<String> refused = browser.send(submit(task, token, unfinished), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode body = json.readTree(refused.body());
        assertThat(body.get("message").asText()).contains("表单校验未通过（摸查改造意愿）").contains("必填");
        assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);

        String smuggled = json.writeValueAsString(Map.of("variables", Map.of(
                "willingnessAgreed", typed(true, "Boolean"), "agreePercent", typed(95, "Long"),
                "surveyDate", typed(WorkingDayCalendar.today().toString(), "String"), "projectId", typed(1, "Long"))));
        HttpResponse<String> other = browser.send(submit(task, token, smuggled), HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).as(other.body()).isEqualTo(400);
        assertThat(json.readTree(other.body()).get("message").asText()).contains("“projectId”表单中没有该字段");

        String complete = json.writeValueAsString(Map.of("variables", Map.of(
                "willingnessAgreed", typed(true, "Boolean"), "agreePercent", typed(95, "Long"),
                "surveyDate", typed(WorkingDayCalendar.today().toString(), "String"))));
        HttpResponse<String> submitted = browser.send(submit(task, token, complete), HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isIn(200, 204);
        assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
    }

    @Test
    void claimingAndReleasingFollowTheTaskPagesRules() throws Exception {
        String code = apply("liushadong", "流沙东认领规则项目").get("code").asText();
        String task = taskId("liushadong1", code, "Task_SurveyWillingness");
        String claim = "/task/" + task + "/claim";

        // For an officer of another town, or for a name nobody has: refused, the task stays with its office.
        for (String other : new String[] {"zhanlong1", "ghost-user", "liushadong2"}) {
            ResponseEntity<String> forOther = engineRest("liushadong1", claim, Map.of("userId", other));
            assertThat(forOther.getStatusCode().value()).as(other + ": " + forOther.getBody()).isEqualTo(403);
            assertThat(json.readTree(forOther.getBody()).get("message").asText())
                    .isEqualTo(EngineClaimFilter.CLAIM_FOR_OTHERS);
            assertThat(assignee(task)).as(other).isNull();
        }

        // One who may only read the task (the leading group) is told so in Chinese, not in the engine's English.
        ResponseEntity<String> reader = engineRest("leader1", claim, Map.of("userId", "leader1"));
        assertThat(reader.getStatusCode().value()).as(reader.getBody()).isEqualTo(403);
        assertThat(json.readTree(reader.getBody()).get("message").asText())
                .isEqualTo("无权办理该任务：您不是“摸查改造意愿”的办理人或候选部门成员，只能查看");
        assertThat(assignee(task)).isNull();

        ResponseEntity<String> own = engineRest("liushadong1", claim, Map.of("userId", "liushadong1"));
        assertThat(own.getStatusCode().value()).as(own.getBody()).isEqualTo(204);
        assertThat(assignee(task)).isEqualTo("liushadong1");

        // A colleague releases neither by unclaim nor by a claim without a user id; the claimant does.
        ResponseEntity<String> colleague = engineRest("liushadong2", "/task/" + task + "/unclaim", Map.of());
        assertThat(colleague.getStatusCode().value()).as(colleague.getBody()).isEqualTo(403);
        assertThat(json.readTree(colleague.getBody()).get("message").asText()).contains("只有认领人本人可以取消认领");
        ResponseEntity<String> empty = engineRest("liushadong2", claim, Map.of());
        assertThat(empty.getStatusCode().value()).as(empty.getBody()).isEqualTo(403);
        assertThat(assignee(task)).isEqualTo("liushadong1");
        ResponseEntity<String> released = engineRest("liushadong1", "/task/" + task + "/unclaim", Map.of());
        assertThat(released.getStatusCode().value()).as(released.getBody()).isEqualTo(204);
        assertThat(assignee(task)).isNull();

        // Tasklist's door is the same.
        HttpClient browser = loggedIn("liushadong1");
        HttpResponse<String> list = browser.send(request("/camunda/api/engine/engine/default/task?taskId=" + task)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        String token = list.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        HttpResponse<String> tasklist = browser.send(request("/camunda/api/engine/engine/default/task/" + task + "/claim")
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"zhanlong1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(403);
        assertThat(assignee(task)).isNull();
        HttpResponse<String> tasklistOwn = browser.send(request("/camunda/api/engine/engine/default/task/" + task + "/claim")
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"liushadong1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tasklistOwn.statusCode()).as(tasklistOwn.body()).isIn(200, 204);
        assertThat(assignee(task)).isEqualTo("liushadong1");
    }

    /** Tasklist and Cockpit write a person "{firstName} {lastName}"; the users they read come family name first
     * (WebappNameOrderFilter). Admin, which edits the two fields, and anyone else get them as they are. */
    @Test
    void tasklistAndCockpitReadChineseNamesFamilyNameFirstAndAdminReadsTheFieldsAsTheyAre() throws Exception {
        HttpClient browser = loggedIn("zhanlong1");
        String profile = "/camunda/api/engine/engine/default/user/zhanlong1/profile";
        for (String app : new String[] {"tasklist", "cockpit"}) {
            JsonNode read = json.readTree(browser.send(request(profile).header("Accept", "application/json")
                    .header("Referer", "http://localhost:" + port + "/camunda/app/" + app + "/default/").GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(read.get("firstName").asText()).as(app).isEqualTo("占陇镇经办员");
            assertThat(read.get("lastName").asText()).as(app).isEmpty();
        }
        for (String referer : new String[] {"http://localhost:" + port + "/camunda/app/admin/default/", null}) {
            HttpRequest.Builder get = request(profile).header("Accept", "application/json");
            if (referer != null) {
                get.header("Referer", referer);
            }
            JsonNode read = json.readTree(browser.send(get.GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(read.get("firstName").asText()).as(String.valueOf(referer)).isEqualTo("经办员");
            assertThat(read.get("lastName").asText()).as(String.valueOf(referer)).isEqualTo("占陇镇");
        }
    }

    private String assignee(String task) {
        return taskService.createTaskQuery().taskId(task).singleResult().getAssignee();
    }

    private ResponseEntity<String> engineRest(String path, Object body) {
        return engineRest("zhanlong1", path, body);
    }

    private ResponseEntity<String> engineRest(String user, String path, Object body) {
        return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest" + path, body, String.class);
    }

    private static Map<String, Object> typed(Object value, String type) {
        return Map.of("value", value, "type", type);
    }

    private HttpRequest submit(String task, String token, String body) {
        return request("/camunda/api/engine/engine/default/task/" + task + "/submit-form")
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-XSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** A browser logged in on the login page, as Tasklist's user is. */
    private HttpClient loggedIn(String user) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = browser.send(request("/login").header("Accept", BROWSER_ACCEPT).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as(loginPage).isTrue();
        String form = "username=" + enc(user) + "&password=demo&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> login = browser.send(request("/login").header("Accept", BROWSER_ACCEPT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(cookies.getCookieStore().getCookies()).extracting(HttpCookie::getName).isNotEmpty();
        return browser;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
