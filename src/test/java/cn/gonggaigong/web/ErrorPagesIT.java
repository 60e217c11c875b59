package cn.gonggaigong.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.gonggaigong.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A page that does not exist is a Chinese page in the browser (not Spring's English "Whitelabel Error Page"). */
class ErrorPagesIT extends ApplicationTestSupport {

    @Autowired
    TestRestTemplate rest;

    @Test
    void anUnknownAddressIsAChinesePageForABrowserAndStaysJsonForAnApiClient() {
        ResponseEntity<String> page = as("zhanlong1", MediaType.TEXT_HTML, "/nonexistent-page");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("<html lang=\"zh-CN\">", "页面不存在", "返回我的待办")
                .doesNotContain("Whitelabel");

        ResponseEntity<String> api = as("zhanlong1", MediaType.APPLICATION_JSON, "/api/nonexistent");
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        // In Chinese, like every other answer of the API.
        assertThat(api.getBody()).contains("\"status\":404", "\"message\":\"接口或页面不存在：/api/nonexistent\"");

        HttpHeaders json = new HttpHeaders();
        json.setAccept(List.of(MediaType.APPLICATION_JSON));
        ResponseEntity<String> wrongMethod = rest.withBasicAuth("zhanlong1", "demo")
                .exchange("/api/notifications/unread-count", HttpMethod.DELETE, new HttpEntity<>(json), String.class);
        assertThat(wrongMethod.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(wrongMethod.getBody()).contains("\"message\":\"该地址不支持此请求方法：/api/notifications/unread-count\"");
    }

    @Test
    void anUploadSentAsJsonIsToldToSendTheFileAsAForm() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> upload = rest.withBasicAuth("zhanlong1", "demo").exchange("/api/projects/1/attachments",
                HttpMethod.POST, new HttpEntity<>("{\"description\":\"权属证明\"}", headers), String.class);
        assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(upload.getBody()).contains(
                "\"message\":\"不支持的内容类型，请以 multipart/form-data 提交（上传的文件放在 file 字段）\"");
        // The other calls take JSON and say so.
        headers.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<String> text = rest.withBasicAuth("zhanlong1", "demo").exchange("/api/projects",
                HttpMethod.POST, new HttpEntity<>("name=x", headers), String.class);
        assertThat(text.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(text.getBody()).contains("请以 application/json");
    }

    private ResponseEntity<String> as(String user, MediaType accept, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(accept));
        return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
