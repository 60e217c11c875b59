package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import cn.gonggaigong.ApplicationTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Calls of the task, project-page and meeting APIs as a demo user (password demo), for the *IT of this package. */
public abstract class WorkApiTestSupport extends ApplicationTestSupport {

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected DataSource dataSource;

    /** A response: status and JSON body (null when empty). */
    public record Answer(int status, JsonNode body, String raw) {
    }

    protected Answer get(String user, String path, Object... vars) throws Exception {
        return answer(mvc.perform(MockMvcRequestBuilders.get(path, vars).with(httpBasic(user, "demo"))).andReturn().getResponse());
    }

    protected Answer post(String user, String path, Object body, Object... vars) throws Exception {
        var request = MockMvcRequestBuilders.post(path, vars).with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.content(body instanceof String s ? s : json.writeValueAsString(body));
        }
        return answer(mvc.perform(request).andReturn().getResponse());
    }

    protected Answer answer(MockHttpServletResponse response) throws Exception {
        response.setCharacterEncoding("UTF-8");
        String raw = response.getContentAsString();
        return new Answer(response.getStatus(), raw.isBlank() ? null : json.readTree(raw), raw);
    }

    /** Applies for a project in a town (as the NRB, who may apply for any town); its id and code. */
    protected JsonNode apply(String townCode, String name) throws Exception {
        Answer created = post("nrb-clerk", "/api/projects", validApplication(app -> {
            app.put("townCode", townCode);
            app.put("name", name);
            app.put("applicantUserId", "applicant1");
        }));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body();
    }

    /** The user's open tasks of one project (the list filtered by its code). */
    protected List<JsonNode> tasksOf(String user, String projectCode) throws Exception {
        Answer list = get(user, "/api/tasks?q={q}&size=200", projectCode);
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        list.body().get("items").forEach(items::add);
        return items;
    }

    /** The user's in-app notifications about a project (its code in the text), newest first. */
    protected List<JsonNode> notices(String user, String projectCode) throws Exception {
        Answer list = get(user, "/api/notifications?size=100");
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        List<JsonNode> about = new ArrayList<>();
        list.body().forEach(n -> {
            if (n.get("body").asText().contains(projectCode)) {
                about.add(n);
            }
        });
        return about;
    }

    /** The one open task of that key of the project in the user's list. */
    protected String taskId(String user, String projectCode, String taskKey) throws Exception {
        List<JsonNode> matching = tasksOf(user, projectCode).stream()
                .filter(t -> t.get("taskDefinitionKey").asText().equals(taskKey)).toList();
        assertThat(matching).as("%s of %s for %s", taskKey, projectCode, user).hasSize(1);
        return matching.get(0).get("taskId").asText();
    }

    protected void complete(String user, String projectCode, String taskKey, Map<String, Object> form) throws Exception {
        Answer done = post(user, "/api/tasks/{id}/complete", form, taskId(user, projectCode, taskKey));
        assertThat(done.status()).as(done.raw()).isEqualTo(204);
    }

    /**
     * A fast-tracked project of 占陇镇 through the town's intake, its base data surveyed with this land area (18,000 m²
     * standing, plot ratio 0.9) on its own parcel: next is 核验权属证明材料.
     */
    protected void toTitleVerification(String code, Number landAreaSqm, Number landAreaMu) throws Exception {
        complete("zhanlong1", code, "Task_SurveyWillingness", willingness());
        complete("zhanlong1", code, "Task_SurveyBaseData", Map.of("landAreaSqm", landAreaSqm, "landAreaMu", landAreaMu,
                "existingFloorArea", 18000, "currentPlotRatio", 0.9, "parcelIds", "BT-S-" + code, "surveyDate", "2026-03-10"));
        complete("zhanlong2", code, "Task_PublishBaseData", Map.of("noticeStartDate", "2026-03-11",
                "noticeEndDate", "2026-03-18", "objectionsRaised", false));
        complete("nrb-clerk", code, "Task_ConfirmFastTrack", Map.of("fastTrackConfirmed", true));
    }

    protected static Map<String, Object> willingness() {
        return Map.of("willingnessAgreed", true, "agreePercent", 95, "surveyDate", "2026-03-01");
    }
}
