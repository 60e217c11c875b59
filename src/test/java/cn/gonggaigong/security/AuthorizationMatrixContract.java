package cn.gonggaigong.security;

import cn.gonggaigong.ApplicationTestSupport;
import cn.gonggaigong.project.ProjectRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, checked through the real HTTP APIs for each kind of office: list tasks, read a project,
 * complete a task, start an application, read history. The same matrix holds whatever the identity mode; a
 * subclass says how a demo user of keycloak-realm.json authenticates (HTTP Basic against the embedded identity,
 * or a bearer token from the real Keycloak).
 */
public abstract class AuthorizationMatrixContract extends ApplicationTestSupport {

    @Autowired
    protected TestRestTemplate rest;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected ProjectRepository projects;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected ManagementService management;

    /** Headers that authenticate a demo user of keycloak-realm.json (password demo). */
    protected abstract HttpHeaders authenticate(String username);

    /** A project of 占陇镇 applied for by applicant1, waiting at the town's willingness survey. */
    protected record Fixture(long projectId, String code, String taskId) {
    }

    protected Fixture zhanlongProject() {
        Map<String, Object> application = validApplication(app -> app.put("applicantUserId", "applicant1"));
        ResponseEntity<String> created = exchange("nrb-clerk", HttpMethod.POST, "/api/projects", application);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode project = read(created.getBody());
        String code = project.get("code").asText();
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(code)
                .taskDefinitionKey("Task_SurveyWillingness").singleResult().getId();
        return new Fixture(project.get("id").asLong(), code, taskId);
    }

    @ParameterizedTest(name = "{0}: 待办可见={1} 读项目={2} 办理={3} 申请={4} 历史可见={5}")
    @CsvSource({
            // user,     sees A's task, read project, complete task, apply for 占陇镇, reads A's history
            "zhanlong1,    true,  200, 204, 201, true",
            "liushadong1,  false, 403, 403, 403, false",
            "nrb-clerk,    true,  200, 403, 201, true",
            "fgj1,         false, 200, 403, 403, false",
            "committee1,   false, 200, 403, 403, false",
            "gov1,         false, 200, 403, 403, false",
            "leader1,      true,  200, 403, 403, true",
            "applicant1,   false, 200, 403, 201, true",
            "applicant2,   false, 403, 403, 201, false",
            "admin,        true,  200, 204, 201, true"})
    void eachOfficeMayDoWhatItsRoleAllows(String user, boolean seesTask, int readProject, int completeTask,
                                           int apply, boolean readsHistory) {
        Fixture a = zhanlongProject();

        String tasks = exchange(user, HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + a.code(), null).getBody();
        assertThat(read(tasks).size()).as("tasks of %s visible to %s", a.code(), user).isEqualTo(seesTask ? 1 : 0);
        String count = exchange(user, HttpMethod.GET, "/engine-rest/task/count?processInstanceBusinessKey=" + a.code(), null).getBody();
        assertThat(read(count).get("count").asInt()).isEqualTo(seesTask ? 1 : 0);

        ResponseEntity<String> project = exchange(user, HttpMethod.GET, "/api/projects/" + a.projectId(), null);
        assertThat(project.getStatusCode().value()).as(project.getBody()).isEqualTo(readProject);
        if (readProject == 403) {
            assertThat(read(project.getBody()).get("message").asText()).contains("无权查看项目");
        }

        ResponseEntity<String> completed = exchange(user, HttpMethod.POST, "/engine-rest/task/" + a.taskId() + "/complete",
                Map.of("variables", Map.of("willingnessAgreed", Map.of("value", true, "type", "Boolean"),
                        "agreePercent", Map.of("value", 90.0, "type", "Double"),
                        "surveyDate", Map.of("value", "2026-03-01", "type", "String"))));
        assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(completeTask);
        boolean stillOpen = taskService.createTaskQuery().taskId(a.taskId()).count() == 1;
        assertThat(stillOpen).as("a refused completion changes nothing").isEqualTo(completeTask != 204);

        long before = projects.count();
        String applicant = user.startsWith("applicant") ? user : "applicant1";
        ResponseEntity<String> applied = exchange(user, HttpMethod.POST, "/api/projects",
                validApplication(app -> app.put("applicantUserId", applicant)));
        assertThat(applied.getStatusCode().value()).as(applied.getBody()).isEqualTo(apply);
        assertThat(projects.count()).isEqualTo(apply == 201 ? before + 1 : before);
        if (apply == 403) {
            assertThat(read(applied.getBody()).get("message").asText()).isNotBlank();
        }

        String history = exchange(user, HttpMethod.GET,
                "/engine-rest/history/process-instance?processInstanceBusinessKey=" + a.code(), null).getBody();
        assertThat(read(history).size() > 0).as("history of %s visible to %s", a.code(), user).isEqualTo(readsHistory);
    }

    @Test
    void aTownNeverSeesAnotherTownsWorkInAnyListingCountOrHistory() {
        Fixture a = zhanlongProject();
        for (String path : new String[]{"/engine-rest/task", "/engine-rest/task/count", "/engine-rest/history/task",
                "/engine-rest/history/process-instance", "/engine-rest/history/activity-instance",
                "/engine-rest/process-instance", "/api/projects?size=100"}) {
            ResponseEntity<String> answer = exchange("liushadong1", HttpMethod.GET, path, null);
            assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody()).as(path).doesNotContain(a.code()).doesNotContain(a.taskId());
            if (path.endsWith("/count")) {
                // The count agrees with the list (checked above to hold none of the other town's work); other tests
                // sharing the application may have given liushadong work of its own.
                int listed = read(exchange("liushadong1", HttpMethod.GET, "/engine-rest/task", null).getBody()).size();
                assertThat(read(answer.getBody()).get("count").asInt()).as(path).isEqualTo(listed);
            }
        }
        String own = exchange("zhanlong1", HttpMethod.GET, "/engine-rest/history/task?processInstanceBusinessKey=" + a.code(), null).getBody();
        assertThat(own).contains(a.taskId());
    }

    /** The statutory clock's warning timers belong to their project's process: no office may move one (a town
     * could otherwise put off its own warnings or raise another town's), run it early (a refused run would still
     * count as a failure of the timer, and three leave it with no retries) or set its retries; only those who may read
     * the project list it or its log. */
    @Test
    void warningTimersAreTheProjectsJobsUnderItsAuthorizations() {
        Fixture a = zhanlongProject();
        String instanceId = taskService.createTaskQuery().taskId(a.taskId()).singleResult().getProcessInstanceId();
        List<Job> timers = management.createJobQuery().processInstanceId(instanceId).list();
        assertThat(timers).as("the willingness survey's warning timers").hasSizeGreaterThanOrEqualTo(2);
        Job timer = timers.get(0);
        Date due = timer.getDuedate();

        for (String user : new String[]{"liushadong1", "zhanlong1", "leader1"}) {
            ResponseEntity<String> moved = exchange(user, HttpMethod.PUT, "/engine-rest/job/" + timer.getId() + "/duedate",
                    Map.of("duedate", "2099-01-01T00:00:00.000+0800"));
            assertThat(moved.getStatusCode()).as("%s moves the timer: %s", user, moved.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(read(moved.getBody()).get("message").asText()).startsWith("只有系统管理员可以修改定时作业");
            ResponseEntity<String> run = exchange(user, HttpMethod.POST, "/engine-rest/job/" + timer.getId() + "/execute", null);
            assertThat(run.getStatusCode()).as("%s runs the timer: %s", user, run.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
            ResponseEntity<String> retries = exchange(user, HttpMethod.PUT, "/engine-rest/job/" + timer.getId() + "/retries",
                    Map.of("retries", 0));
            assertThat(retries.getStatusCode()).as("%s sets retries: %s", user, retries.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        Job after = management.createJobQuery().jobId(timer.getId()).singleResult();
        assertThat(after.getDuedate()).isEqualTo(due);
        assertThat(after.getRetries()).as("a refused run is no failure of the timer").isEqualTo(timer.getRetries());
        assertThat(after.getExceptionMessage()).isNull();

        // The timer runs (as its due date would make it) and leaves a line in the job log.
        management.executeJob(timer.getId());
        for (String path : new String[]{"/engine-rest/job", "/engine-rest/job?processInstanceId=" + instanceId,
                "/engine-rest/history/job-log", "/engine-rest/history/job-log?processInstanceId=" + instanceId}) {
            ResponseEntity<String> other = exchange("liushadong1", HttpMethod.GET, path, null);
            assertThat(other.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(other.getBody()).as("another town reads %s", path).doesNotContain(instanceId);
            if (path.contains("processInstanceId")) {
                assertThat(read(exchange("zhanlong1", HttpMethod.GET, path, null).getBody()).size())
                        .as("the project's own town reads %s", path).isPositive();
            }
        }

        ResponseEntity<String> byAdmin = exchange("admin", HttpMethod.PUT, "/engine-rest/job/" + timers.get(1).getId()
                + "/duedate", Map.of("duedate", "2099-01-01T00:00:00.000+0800"));
        assertThat(byAdmin.getStatusCode()).as(byAdmin.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /**
     * The office of a task works on it through Camunda's REST API (claims, releases, comments, completes), but does not
     * change what the process holds through it: its variables (another town, no project), its deadline, its assignee or
     * candidates, or a BPMN error thrown from it. Camunda lets every candidate do these; the administrators only.
     */
    @Test
    void aTasksOfficeWorksOnItButDoesNotChangeItsProcessOrDeadline() {
        Fixture a = zhanlongProject();
        String task = "/engine-rest/task/" + a.taskId();
        Date due = taskService.createTaskQuery().taskId(a.taskId()).singleResult().getDueDate();
        Map<String, Object> otherTown = Map.of("value", "town-liushadong", "type", "String");
        Object[][] changes = {
                {HttpMethod.POST, task + "/variables", Map.of("modifications", Map.of("townGroup", otherTown))},
                {HttpMethod.PUT, task + "/variables/townGroup", otherTown},
                {HttpMethod.DELETE, task + "/variables/projectId", null},
                {HttpMethod.PUT, task + "/localVariables/townGroup", otherTown},
                {HttpMethod.PUT, task, Map.of("name", "摸查改造意愿", "due", "2099-01-01T00:00:00.000+0800")},
                {HttpMethod.POST, task + "/assignee", Map.of("userId", "liushadong1")},
                {HttpMethod.POST, task + "/delegate", Map.of("userId", "liushadong1")},
                {HttpMethod.POST, task + "/identity-links", Map.of("groupId", "town-liushadong", "type", "candidate")},
                {HttpMethod.POST, task + "/bpmnError", Map.of("errorCode", "ANY")},
                {HttpMethod.POST, task + "/attachment/create", Map.of("attachment-name", "x")}};
        for (Object[] change : changes) {
            ResponseEntity<String> refused = exchange("zhanlong1", (HttpMethod) change[0], (String) change[1], change[2]);
            assertThat(refused.getStatusCode()).as("%s %s: %s", change[0], change[1], refused.getBody())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            // Said in Camunda's error format, which Tasklist shows: who may, and how the work is done instead.
            assertThat(read(refused.getBody()).get("message").asText()).startsWith("只有系统管理员可以修改任务的变量、期限");
        }
        org.camunda.bpm.engine.task.Task after = taskService.createTaskQuery().taskId(a.taskId()).singleResult();
        assertThat(after).as("the task is still open").isNotNull();
        assertThat(after.getDueDate()).isEqualTo(due);
        assertThat(after.getAssignee()).isNull();
        assertThat(taskService.getIdentityLinksForTask(a.taskId())).noneMatch(l -> "town-liushadong".equals(l.getGroupId()));
        assertThat(taskService.getVariable(a.taskId(), "townGroup")).isEqualTo("town-zhanlong");
        assertThat(taskService.getVariable(a.taskId(), "projectId")).isEqualTo(a.projectId());
        assertThat(taskService.getVariablesLocal(a.taskId())).doesNotContainKey("townGroup");

        // Working on it stays the office's.
        assertThat(exchange("zhanlong1", HttpMethod.POST, task + "/claim", Map.of("userId", "zhanlong1")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(exchange("zhanlong1", HttpMethod.POST, task + "/comment/create", Map.of("message", "已联系权利人"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(exchange("zhanlong1", HttpMethod.POST, task + "/unclaim", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        // An administrator may mend a deadline.
        ResponseEntity<String> byAdmin = exchange("admin", HttpMethod.PUT, task, Map.of("name", "摸查改造意愿",
                "due", "2099-01-01T00:00:00.000+0800"));
        assertThat(byAdmin.getStatusCode()).as(byAdmin.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** An officer does not rename themselves (局长 on every record they signed) or remove their own account. */
    @Test
    void anOfficerDoesNotChangeTheirOwnNameOrAccount() {
        ResponseEntity<String> renamed = exchange("zhanlong1", HttpMethod.PUT, "/engine-rest/user/zhanlong1/profile",
                Map.of("id", "zhanlong1", "firstName", "局长", "lastName", "市政府"));
        assertThat(renamed.getStatusCode()).as(renamed.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(read(renamed.getBody()).get("message").asText()).startsWith("只有系统管理员可以修改用户的姓名");
        ResponseEntity<String> removed = exchange("zhanlong1", HttpMethod.DELETE, "/engine-rest/user/zhanlong1", null);
        assertThat(removed.getStatusCode()).as(removed.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode profile = read(exchange("zhanlong1", HttpMethod.GET, "/engine-rest/user/zhanlong1/profile", null).getBody());
        assertThat(profile.get("firstName").asText()).isNotEqualTo("局长");
    }

    /**
     * Tasklist hides from an officer the controls the server refuses them (scripts/officer-view.js): it asks Camunda's
     * group query whether the user is in {@code admins}, the group whose members the server lets change tasks. The
     * answer is the server's in both identity modes.
     */
    @Test
    void tasklistLearnsWhoIsAnAdministratorAsTheServerDecidesIt() {
        for (String user : new String[]{"zhanlong1", "nrb-director", "leader1", "admin"}) {
            ResponseEntity<String> groups = exchange(user, HttpMethod.GET,
                    "/engine-rest/group?member=" + user + "&id=" + Groups.ADMINS, null);
            assertThat(groups.getStatusCode()).as(groups.getBody()).isEqualTo(HttpStatus.OK);
            ResponseEntity<String> taskChange = exchange(user, HttpMethod.PUT, "/engine-rest/task/no-such-task",
                    Map.of("name", "改名"));
            boolean administrator = taskChange.getStatusCode() != HttpStatus.FORBIDDEN;
            assertThat(read(groups.getBody()).findValuesAsText("id"))
                    .as(user + (administrator ? " may change tasks" : " may not change tasks"))
                    .isEqualTo(administrator ? List.of(Groups.ADMINS) : List.of());
        }
    }

    /**
     * Camunda Tasklist opens with 本部门任务, the tasks of the user's own offices and those they hold, then 我的任务 and
     * 全部任务. With 全部任务 alone the bureau (NRB), which may read every task, found the towns' tasks it cannot claim in
     * its queue. The filters' expressions (the user and their groups) resolve alike in both identity modes.
     */
    @Test
    void tasklistOpensWithTheOfficesOwnTasksThenTheUsersThenAllItMayRead() {
        Fixture a = zhanlongProject();
        Map<String, JsonNode> nrb = filters("nrb-clerk");
        assertThat(nrb).containsKeys("本部门任务", "我的任务", "全部任务");
        assertThat(List.of(priority(nrb.get("本部门任务")), priority(nrb.get("我的任务")), priority(nrb.get("全部任务"))))
                .as("Tasklist opens with the lowest").isSorted().doesNotHaveDuplicates();
        assertThat(nrb.get("全部任务").at("/properties/description").asText()).contains("只能查看");
        // The bureau reads the town's task under 全部任务, not in its own office's queue.
        assertThat(listed("nrb-clerk", nrb.get("全部任务"))).contains(a.taskId());
        assertThat(listed("nrb-clerk", nrb.get("本部门任务"))).doesNotContain(a.taskId());
        // The town's officer finds it in the office's queue; in 我的任务 once claimed, and still in the office's.
        Map<String, JsonNode> town = filters("zhanlong1");
        assertThat(listed("zhanlong1", town.get("本部门任务"))).contains(a.taskId());
        assertThat(listed("zhanlong1", town.get("我的任务"))).doesNotContain(a.taskId());
        taskService.claim(a.taskId(), "zhanlong1");
        assertThat(listed("zhanlong1", town.get("我的任务"))).contains(a.taskId());
        assertThat(listed("zhanlong1", town.get("本部门任务"))).contains(a.taskId());
        // (Not checked as a colleague, zhanlong2: with Keycloak a token is a session of the realm, and KeycloakBrowserIT
        // counts zhanlong2's sessions. The token's session is how that test's time-outs were found: Keycloak had
        // announced only one of the two sessions it ended; RealmSessionCheck now ends the other.)
        // An applicant, whose tasks are assigned to them, opens Tasklist without an error.
        assertThat(listed("applicant1", filters("applicant1").get("本部门任务"))).doesNotContain(a.taskId());
    }

    private Map<String, JsonNode> filters(String user) {
        ResponseEntity<String> answer = exchange(user, HttpMethod.GET, "/engine-rest/filter?resourceType=Task", null);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        read(answer.getBody()).forEach(f -> byName.put(f.get("name").asText(), f));
        return byName;
    }

    private static int priority(JsonNode filter) {
        return filter.at("/properties/priority").asInt();
    }

    private List<String> listed(String user, JsonNode filter) {
        ResponseEntity<String> answer = exchange(user, HttpMethod.GET,
                "/engine-rest/filter/" + filter.get("id").asText() + "/list?firstResult=0&maxResults=2000", null);
        assertThat(answer.getStatusCode()).as(user + " " + filter.get("name").asText() + ": " + answer.getBody())
                .isEqualTo(HttpStatus.OK);
        List<String> ids = new java.util.ArrayList<>();
        read(answer.getBody()).forEach(task -> ids.add(task.get("id").asText()));
        return ids;
    }

    @Test
    void nobodyIsAnonymous() {
        for (String path : new String[]{"/api/projects", "/engine-rest/task", "/engine-rest/history/process-instance"}) {
            assertThat(rest.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    protected ResponseEntity<String> exchange(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = authenticate(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    protected JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
