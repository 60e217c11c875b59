package cn.gonggaigong.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTemplatesTest {

    private final PageTemplates templates = new PageTemplates();

    @Test
    void fillsThePageEscapingTextAndCarriesTheSessionsCsrfTokenUncached() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-1"));
        ResponseEntity<String> page = templates.render("page", Map.of("page", "tasks", "title", "我的待办<script>",
                "reference", new PageTemplates.Raw("{\"towns\":[]}")), request);

        assertThat(page.getBody()).contains("<title>我的待办&lt;script&gt; - 普宁市“工改工”项目审批</title>")
                .contains("<meta name=\"_csrf\" content=\"token-1\">")
                .contains("<script type=\"module\" src=\"/assets/tasks.js\"></script>")
                .contains("<script type=\"application/json\" id=\"ggg-reference\">{\"towns\":[]}</script>")
                .doesNotContain("{{");
        assertThat(page.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(page.getHeaders().getContentType()).hasToString("text/html;charset=UTF-8");
    }

    @Test
    void aMissingValueIsAnErrorNotAnEmptyPlace() {
        assertThatThrownBy(() -> templates.render("page", Map.of("page", "tasks"), new MockHttpServletRequest()))
                .hasMessageContaining("缺少参数");
    }
}
