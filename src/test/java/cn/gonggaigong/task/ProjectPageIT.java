package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The project page (overview, timeline, diagrams, BPMN XML), the applicant's projects and the attachments. */
class ProjectPageIT extends WorkApiTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.boot.test.web.client.TestRestTemplate rest;

    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};

    @Test
    void overviewShowsFiguresTimelineOpenTasksAndDiagramState() throws Exception {
        JsonNode project = apply("zhanlong", "占陇镇项目页面项目");
        long id = project.get("id").asLong();
        String code = project.get("code").asText();
        complete("zhanlong1", code, "Task_SurveyWillingness", Map.of("willingnessAgreed", true, "agreePercent", 92,
                "surveyDate", "2026-03-01", "opinion", "权利人均同意"));

        // The survey claimed by an officer: the page names who holds it.
        assertThat(post("zhanlong1", "/api/tasks/{id}/claim", Map.of(), taskId("zhanlong1", code, "Task_SurveyBaseData"))
                .status()).isEqualTo(204);
        Answer overview = get("zhanlong2", "/api/projects/{id}/overview", id);
        assertThat(overview.status()).as(overview.raw()).isEqualTo(200);
        JsonNode body = overview.body();
        assertThat(body.get("scheme").isNull()).as("no scheme compiled yet").isTrue();
        assertThat(body.at("/project/code").asText()).isEqualTo(code);
        assertThat(body.at("/project/landAreaSqm").decimalValue()).isEqualByComparingTo("10000");
        assertThat(body.get("timeline")).singleElement().satisfies(step -> {
            assertThat(step.get("activityName").asText()).isEqualTo("摸查改造意愿");
            assertThat(step.get("phaseName").asText()).isEqualTo("纳入年度实施计划");
            assertThat(step.get("userId").asText()).isEqualTo("zhanlong1");
            assertThat(step.get("userName").asText()).isEqualTo("占陇镇经办员");
            assertThat(step.get("decision").asText()).isEqualTo("true");
            assertThat(step.get("decisionLabel").asText()).isEqualTo("相关权利主体是否同意改造：是");
            assertThat(step.get("opinion").asText()).isEqualTo("权利人均同意");
            assertThat(step.get("facts").toString()).isEqualTo("[{\"label\":\"同意改造的权利主体占比（%）\",\"value\":\"92\"},"
                    + "{\"label\":\"摸查日期\",\"value\":\"2026-03-01\"}]");
            assertThat(step.get("time").asText()).endsWith("+08:00");
        });
        assertThat(body.get("openTasks").findValuesAsText("taskDefinitionKey")).containsExactly("Task_SurveyBaseData");
        assertThat(body.at("/openTasks/0/assignee").asText()).isEqualTo("zhanlong1");
        assertThat(body.get("assigneeNames").toString()).isEqualTo("{\"zhanlong1\":\"占陇镇经办员\"}");
        JsonNode lifecycle = body.at("/diagrams/0");
        assertThat(lifecycle.get("processDefinitionKey").asText()).isEqualTo("ProjectLifecycle");
        assertThat(lifecycle.get("activeActivityIds").toString()).contains("CallActivity_Intake");
        JsonNode intake = body.at("/diagrams/1");
        assertThat(intake.get("processDefinitionKey").asText()).isEqualTo("ProjectIntake");
        assertThat(intake.get("activeActivityIds").toString()).isEqualTo("[\"Task_SurveyBaseData\"]");
        assertThat(intake.get("completedActivityIds").toString()).contains("Task_SurveyWillingness");

        MockHttpServletResponse xml = mvc.perform(MockMvcRequestBuilders.get("/api/process-definitions/{id}/xml",
                intake.get("processDefinitionId").asText()).with(httpBasic("zhanlong2", "demo"))).andReturn().getResponse();
        assertThat(xml.getStatus()).isEqualTo(200);
        assertThat(xml.getContentType()).startsWith("text/xml");
        assertThat(xml.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"Task_SurveyBaseData\"");
        assertThat(get("zhanlong2", "/api/process-definitions/{id}/xml", "Nope:1:1").status()).isEqualTo(404);

        Answer foreign = get("liushadong1", "/api/projects/{id}/overview", id);
        assertThat(foreign.status()).isEqualTo(403);
        // In Chinese punctuation, as every message people read.
        assertThat(foreign.body().get("message").asText()).isEqualTo("无权查看项目 " + code
                + "：该项目属于占陇镇，您不是其所在乡镇、改造主体或市级审批部门的人员");
        assertThat(get("zhanlong1", "/api/projects/{id}/overview", 999999).status()).isEqualTo(404);
    }

    @Test
    void applicantSeesOwnProjectsWithTheirOpenTasks() throws Exception {
        String code = apply("zhanlong", "改造主体本人项目").get("code").asText();
        Answer mine = get("applicant1", "/api/my/projects");
        assertThat(mine.status()).isEqualTo(200);
        JsonNode own = null;
        for (JsonNode p : mine.body()) {
            if (p.get("code").asText().equals(code)) {
                own = p;
            }
        }
        assertThat(own).isNotNull();
        assertThat(own.get("townName").asText()).isEqualTo("占陇镇");
        assertThat(own.get("statusLabel").asText()).isEqualTo("审批实施中");
        assertThat(own.get("openTasks").findValuesAsText("taskName")).containsExactly("摸查改造意愿");
        assertThat(get("applicant2", "/api/my/projects").body().findValuesAsText("code")).doesNotContain(code);
    }

    @Test
    void attachmentsAreCheckedByContentStoredAndReadOnlyByThoseWhoSeeTheProject() throws Exception {
        JsonNode project = apply("zhanlong", "占陇镇附件项目");
        long id = project.get("id").asLong();
        String taskId = taskId("zhanlong1", project.get("code").asText(), "Task_SurveyWillingness");

        Answer created = upload("zhanlong1", id, new MockMultipartFile("file", "权属证明（扫描件）.pdf", "application/pdf", PDF),
                Map.of("description", "土地证扫描件", "taskId", taskId));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("fileName").asText()).isEqualTo("权属证明（扫描件）.pdf");
        assertThat(created.body().get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(created.body().get("size").asLong()).isEqualTo(PDF.length);
        assertThat(created.body().get("uploadedBy").asText()).isEqualTo("zhanlong1");
        assertThat(created.body().get("taskId").asText()).isEqualTo(taskId);
        long attachmentId = created.body().get("id").asLong();

        Answer png = upload("nrb-clerk", id, new MockMultipartFile("file", "现场照片.png", "image/png", PNG), Map.of());
        assertThat(png.status()).isEqualTo(201);
        Answer list = get("zhanlong2", "/api/projects/{id}/attachments", id);
        assertThat(list.body().findValuesAsText("fileName")).containsExactly("权属证明（扫描件）.pdf", "现场照片.png");

        MockHttpServletResponse download = mvc.perform(MockMvcRequestBuilders.get("/api/attachments/{id}", attachmentId)
                .with(httpBasic("nrb-director", "demo"))).andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentType()).startsWith("application/pdf");
        assertThat(download.getContentAsByteArray()).isEqualTo(PDF);
        assertThat(download.getHeader("Content-Disposition")).contains("filename*=UTF-8''%E6%9D%83%E5%B1%9E");

        // Another town: neither the list nor the file nor an upload.
        assertThat(get("liushadong1", "/api/projects/{id}/attachments", id).status()).isEqualTo(403);
        assertThat(get("liushadong1", "/api/attachments/{id}", attachmentId).status()).isEqualTo(403);
        assertThat(upload("liushadong1", id, new MockMultipartFile("file", "a.pdf", "application/pdf", PDF), Map.of())
                .status()).isEqualTo(403);
        assertThat(get("zhanlong1", "/api/attachments/{id}", 999999).body().toString())
                .isEqualTo("{\"status\":404,\"message\":\"附件不存在\"}");

        // Wrong content whatever the name says, a name that lies about the content, empty, missing.
        Answer exe = upload("zhanlong1", id, new MockMultipartFile("file", "伪装.pdf", "application/pdf",
                "MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1)), Map.of());
        assertThat(exe.status()).isEqualTo(400);
        assertThat(exe.body()).isEqualTo(json.readTree("""
                {"status":400,"message":"附件上传失败","errors":[{"field":"file","reason":"只能上传PDF、PNG或JPEG文件（按文件内容识别）"}]}"""));
        Answer renamed = upload("zhanlong1", id, new MockMultipartFile("file", "照片.pdf", "application/pdf", PNG), Map.of());
        assertThat(renamed.body().at("/errors/0/reason").asText()).isEqualTo("文件扩展名与内容不符：内容为PNG，扩展名应为png");
        Answer empty = upload("zhanlong1", id, new MockMultipartFile("file", "空.pdf", "application/pdf", new byte[0]), Map.of());
        assertThat(empty.body().at("/errors/0/reason").asText()).isEqualTo("文件为空");
        Answer missing = answer(mvc.perform(MockMvcRequestBuilders.multipart("/api/projects/{id}/attachments", id)
                .param("description", "无文件").with(httpBasic("zhanlong1", "demo"))).andReturn().getResponse());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("errors").toString()).isEqualTo("[{\"field\":\"file\",\"reason\":\"必填\"}]");
        Answer oversize = upload("zhanlong1", id, new MockMultipartFile("file", "大文件.pdf", "application/pdf",
                padded(PDF, 20 * 1024 * 1024 + 1)), Map.of());
        assertThat(oversize.status()).isEqualTo(413);
        assertThat(oversize.body().get("message").asText()).isEqualTo("文件过大：单个附件不能超过20MB");
        assertThat(get("zhanlong1", "/api/projects/{id}/attachments", id).body()).hasSize(2);
    }

    @Test
    void anAttachmentUploadedByMistakeIsWithdrawnByItsUploaderWithAReasonAndStaysOnRecord() throws Exception {
        JsonNode project = apply("zhanlong", "占陇镇附件作废项目");
        long id = project.get("id").asLong();
        String code = project.get("code").asText();
        String survey = taskId("zhanlong1", code, "Task_SurveyWillingness");
        long wrong = upload("zhanlong1", id, new MockMultipartFile("file", "别的项目的图纸.pdf", "application/pdf", PDF),
                Map.of("description", "误传")).body().get("id").asLong();
        long forSurvey = upload("zhanlong1", id, new MockMultipartFile("file", "意愿摸查表.pdf", "application/pdf", PDF),
                Map.of("taskId", survey)).body().get("id").asLong();
        long colleagues = upload("zhanlong2", id, new MockMultipartFile("file", "现场照片.png", "image/png", PNG),
                Map.of()).body().get("id").asLong();

        // Each sees 作废 offered on their own uploads only.
        assertThat(canWithdraw("zhanlong1", id)).containsExactly(true, true, false);
        assertThat(canWithdraw("zhanlong2", id)).containsExactly(false, false, true);

        // Not someone else's upload; never without a reason; nothing changed by a refusal.
        Answer notOwn = post("zhanlong2", "/api/attachments/{id}/withdrawal", Map.of("reason", "误传"), wrong);
        assertThat(notOwn.status()).isEqualTo(403);
        assertThat(notOwn.body().get("message").asText()).isEqualTo("只有上传人（占陇镇经办员）或系统管理员可以作废该附件");
        Answer noReason = post("zhanlong1", "/api/attachments/{id}/withdrawal", Map.of("reason", "  "), wrong);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).isEqualTo(json.readTree("""
                {"status":400,"message":"附件未能作废","errors":[{"field":"reason","reason":"必填：请说明作废原因"}]}"""));
        assertThat(post("zhanlong1", "/api/attachments/{id}/withdrawal", null, wrong).status()).isEqualTo(400);
        assertThat(post("zhanlong1", "/api/attachments/{id}/withdrawal", Map.of("reason", "长".repeat(501)), wrong)
                .body().at("/errors/0/reason").asText()).isEqualTo("长度不能超过500个字符");
        assertThat(get("zhanlong1", "/api/projects/{id}/attachments", id).body().findValues("withdrawnAt"))
                .allMatch(JsonNode::isNull);

        Answer withdrawn = post("zhanlong1", "/api/attachments/{id}/withdrawal", Map.of("reason", " 上传错了项目 "), wrong);
        assertThat(withdrawn.status()).as(withdrawn.raw()).isEqualTo(200);
        assertThat(withdrawn.body().get("withdrawnBy").asText()).isEqualTo("zhanlong1");
        assertThat(withdrawn.body().get("withdrawnByName").asText()).isEqualTo("占陇镇经办员");
        assertThat(withdrawn.body().get("withdrawalReason").asText()).isEqualTo("上传错了项目");
        assertThat(withdrawn.body().get("withdrawnAt").isNull()).isFalse();
        assertThat(withdrawn.body().get("canWithdraw").asBoolean()).isFalse();
        assertThat(post("zhanlong1", "/api/attachments/{id}/withdrawal", Map.of("reason", "再次"), wrong).body()
                .get("message").asText()).isEqualTo("该附件已作废");
        // Still listed, for everyone who reads the project, and still the same file.
        JsonNode listed = get("nrb-clerk", "/api/projects/{id}/attachments", id).body();
        assertThat(listed.findValuesAsText("fileName")).containsExactly("别的项目的图纸.pdf", "意愿摸查表.pdf", "现场照片.png");
        assertThat(listed.get(0).get("withdrawalReason").asText()).isEqualTo("上传错了项目");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/attachments/{id}", wrong).with(httpBasic("nrb-clerk", "demo")))
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(PDF);

        // Once its task is done, what the step rested on stays as it was.
        complete("zhanlong1", code, "Task_SurveyWillingness", willingness());
        assertThat(canWithdraw("zhanlong1", id)).containsExactly(false, false, false);
        Answer taskDone = post("zhanlong1", "/api/attachments/{id}/withdrawal", Map.of("reason", "换一份"), forSurvey);
        assertThat(taskDone.status()).isEqualTo(409);
        assertThat(taskDone.body().get("message").asText()).isEqualTo("该附件所属的任务“摸查改造意愿”已办结，附件是其办理依据，不能再作废");
        assertThat(post("zhanlong2", "/api/attachments/{id}/withdrawal", Map.of("reason", "照片模糊"), colleagues).status())
                .isEqualTo(200);
        // For an uploader who cannot any more (left the office), an administrator.
        long leftBehind = upload("zhanlong1", id, new MockMultipartFile("file", "错传的合同.pdf", "application/pdf", PDF),
                Map.of()).body().get("id").asLong();
        assertThat(canWithdraw("admin", id)).containsExactly(false, false, false, true);
        Answer byAdmin = post("admin", "/api/attachments/{id}/withdrawal", Map.of("reason", "经办人已调离，代为作废"), leftBehind);
        assertThat(byAdmin.status()).as(byAdmin.raw()).isEqualTo(200);
        assertThat(byAdmin.body().get("withdrawnBy").asText()).isEqualTo("admin");
        assertThat(byAdmin.body().get("uploadedBy").asText()).isEqualTo("zhanlong1");

        // Nor anything of a project that has ended; and an attachment that does not exist is 404.
        JsonNode ended = apply("zhanlong", "占陇镇不同意改造的项目");
        long endedId = ended.get("id").asLong();
        long late = upload("zhanlong1", endedId, new MockMultipartFile("file", "摸查记录.pdf", "application/pdf", PDF),
                Map.of()).body().get("id").asLong();
        complete("zhanlong1", ended.get("code").asText(), "Task_SurveyWillingness",
                Map.of("willingnessAgreed", false, "agreePercent", 30, "surveyDate", "2026-03-01"));
        Answer afterEnd = post("zhanlong1", "/api/attachments/{id}/withdrawal", Map.of("reason", "误传"), late);
        assertThat(afterEnd.status()).isEqualTo(409);
        assertThat(afterEnd.body().get("message").asText()).isEqualTo("项目未纳入实施，附件不能再作废");
        assertThat(post("zhanlong1", "/api/attachments/{id}/withdrawal", Map.of("reason", "误传"), 999999).status())
                .isEqualTo(404);
        assertThat(post("liushadong1", "/api/attachments/{id}/withdrawal", Map.of("reason", "误传"), forSurvey).status())
                .isEqualTo(403);
    }

    private List<Boolean> canWithdraw(String user, long projectId) throws Exception {
        List<Boolean> offered = new ArrayList<>();
        get(user, "/api/projects/{id}/attachments", projectId).body().forEach(a -> offered.add(a.get("canWithdraw").asBoolean()));
        return offered;
    }

    @Test
    void theServerRefusesAnUploadOverTheLimitWith413() throws Exception {
        long id = apply("zhanlong", "占陇镇大附件项目").get("id").asLong();
        org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("file", new org.springframework.core.io.ByteArrayResource(padded(PDF, 21 * 1024 * 1024)) {
            @Override
            public String getFilename() {
                return "大文件.pdf";
            }
        });
        var response = rest.withBasicAuth("zhanlong1", "demo").postForEntity("/api/projects/{id}/attachments",
                new org.springframework.http.HttpEntity<>(form), String.class, id);
        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(json.readTree(response.getBody()).get("message").asText()).isEqualTo("文件过大：单个附件不能超过20MB");
    }

    static byte[] padded(byte[] start, int size) {
        byte[] content = new byte[size];
        System.arraycopy(start, 0, content, 0, start.length);
        return content;
    }

    /**
     * Adding to a project's materials is for those who work on it: the applicant, its town, NRB, and an office with
     * one of its tasks open (here the committee at its review); a department or the leading group with nothing of
     * it to do reads and downloads but does not upload, and nobody uploads once the project has ended. The project
     * page says so in place of the upload form (the overview's uploadRefusal).
     */
    @Test
    void onlyThoseWhoWorkOnAnActiveProjectAddToItsMaterials() throws Exception {
        cn.gonggaigong.web.ProjectDriver driver = new cn.gonggaigong.web.ProjectDriver(rest, json);
        JsonNode applied = driver.apply(validApplication(cn.gonggaigong.web.ProjectDriver.keyIndustryProject(
                "占陇镇审议中上传附件项目", "zhanlong")));
        long id = applied.get("id").asLong();
        String code = applied.get("code").asText();
        driver.toCommitteeReview(code, "zhanlong1", "ZL-UPLOAD-UNIT");
        assertThat(tasksOf("committee1", code)).hasSize(1);

        for (String user : List.of("applicant1", "zhanlong2", "nrb-clerk", "committee1", "admin")) {
            Answer added = upload(user, id, new MockMultipartFile("file", user + "的材料.pdf", "application/pdf", PDF), Map.of());
            assertThat(added.status()).as(user + ": " + added.raw()).isEqualTo(201);
            assertThat(get(user, "/api/projects/{id}/overview", id).body().get("uploadRefusal").isNull()).as(user).isTrue();
        }
        for (String user : List.of("fgj1", "leader1", "gov1")) {
            Answer refused = upload(user, id, new MockMultipartFile("file", "旁观者的材料.pdf", "application/pdf", PDF), Map.of());
            assertThat(refused.status()).as(user + ": " + refused.raw()).isEqualTo(403);
            assertThat(refused.body().get("message").asText()).as(user)
                    .isEqualTo("只有改造主体、项目所在乡镇、市自然资源局和正在办理本项目事项的单位可以上传附件，您可以查看和下载附件");
            assertThat(get(user, "/api/projects/{id}/overview", id).body().get("uploadRefusal").asText()).as(user)
                    .isEqualTo(refused.body().get("message").asText());
            // Reading stays as it was.
            assertThat(get(user, "/api/projects/{id}/attachments", id).body()).as(user).hasSize(5);
        }

        // Ended: nobody adds to its record, the applicant and the town included; nothing of a refusal is stored.
        assertThat(post("applicant1", "/api/projects/{id}/withdrawal", Map.of("reason", "投资计划调整"), id).status())
                .isEqualTo(204);
        for (String user : List.of("applicant1", "zhanlong1", "nrb-clerk", "admin")) {
            Answer late = upload(user, id, new MockMultipartFile("file", "迟到的材料.pdf", "application/pdf", PDF), Map.of());
            assertThat(late.status()).as(user + ": " + late.raw()).isEqualTo(409);
            assertThat(late.body().get("message").asText()).isEqualTo("项目已终止，不能再上传附件");
            assertThat(get(user, "/api/projects/{id}/overview", id).body().get("uploadRefusal").asText())
                    .isEqualTo("项目已终止，不能再上传附件");
        }
        assertThat(get("zhanlong1", "/api/projects/{id}/attachments", id).body()).hasSize(5);
    }

    private Answer upload(String user, long projectId, MockMultipartFile file, Map<String, String> params) throws Exception {
        var request = MockMvcRequestBuilders.multipart("/api/projects/{id}/attachments", projectId).file(file)
                .with(httpBasic(user, "demo"));
        params.forEach(request::param);
        return answer(mvc.perform(request).andReturn().getResponse());
    }
}
