package cn.gonggaigong.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.gonggaigong.ApplicationTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The 29 towns are listed in one order wherever a person picks one: the pages' filters and the application form (the
 * reference data put into every page) and the leading group's dashboard — the streets, then the towns, then the farms.
 */
class TownOrderIT extends ApplicationTestSupport {

    private static final Pattern REFERENCE = Pattern.compile(
            "<script type=\"application/json\" id=\"ggg-reference\">(.*?)</script>", Pattern.DOTALL);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Test
    void thePagesAndTheDashboardListTheTownsInTheSameOrderStreetsTownsFarms() throws Exception {
        HttpHeaders html = new HttpHeaders();
        html.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> page = rest.withBasicAuth("applicant1", "demo")
                .exchange("/my-applications", HttpMethod.GET, new HttpEntity<>(html), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        Matcher reference = REFERENCE.matcher(page.getBody());
        assertThat(reference.find()).isTrue();
        List<String> onThePage = new ArrayList<>();
        json.readTree(reference.group(1)).get("towns").forEach(t -> onThePage.add(t.get("name").asText()));

        ResponseEntity<String> figure = rest.withBasicAuth("leader1", "demo")
                .getForEntity("/api/monitor/phase-town-grade", String.class);
        assertThat(figure.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> onTheDashboard = new ArrayList<>();
        for (JsonNode t : json.readTree(figure.getBody()).get("towns")) {
            onTheDashboard.add(t.get("name").asText());
        }

        assertThat(onThePage).hasSize(29).isEqualTo(onTheDashboard);
        assertThat(onThePage.subList(0, 7)).allMatch(name -> name.endsWith("街道"));
        assertThat(onThePage.subList(7, 26)).allMatch(name -> name.endsWith("镇") || name.endsWith("乡"));
        assertThat(onThePage.subList(26, 29)).allMatch(name -> name.endsWith("农场"));
    }
}
