package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The OpenAPI description and Swagger UI are served by the application, in Chinese, to logged-in users only. */
class OpenApiIT extends WorkApiTestSupport {

    @Test
    void apiDocsDescribeTheWorkApisInChinese() throws Exception {
        Answer docs = get("zhanlong1", "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().at("/paths/~1api~1tasks~1{taskId}~1complete/post/summary").asText())
                .isEqualTo("提交表单，办结任务；表单校验不通过为 400（逐项列出），已办结为 409");
        assertThat(docs.body().at("/paths/~1api~1meetings/post/summary").asText()).startsWith("记录一次会议");
        assertThat(docs.body().get("paths").has("/api/projects/{id}/overview")).isTrue();
        assertThat(docs.body().get("paths").has("/api/projects/{id}/attachments")).isTrue();
        assertThat(docs.body().get("paths").has("/api/me")).isTrue();

        MockHttpServletResponse ui = mvc.perform(MockMvcRequestBuilders.get("/swagger-ui/index.html")
                .with(httpBasic("zhanlong1", "demo"))).andReturn().getResponse();
        assertThat(ui.getStatus()).isEqualTo(200);
        assertThat(ui.getContentAsString(StandardCharsets.UTF_8)).contains("swagger-ui").doesNotContain("cdn.");
    }

    @Test
    void anonymousVisitorsGetNoApiDescription() throws Exception {
        for (String path : new String[]{"/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html"}) {
            MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get(path)).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isIn(302, 401);
            if (response.getStatus() == 302) {
                assertThat(response.getRedirectedUrl()).as(path).endsWith("/login");
            }
        }
    }
}
