package cn.gonggaigong.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import cn.gonggaigong.task.WorkApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * 项目查询 (GET /api/projects): a project is found by a word of its name, its code or its applicant, and by town,
 * phase and status, among the projects the caller may read: a town's officer never finds another town's project.
 */
class ProjectSearchIT extends WorkApiTestSupport {

    @Test
    void projectsAreFoundByWordTownPhaseAndStatusAmongThoseTheCallerMayRead() throws Exception {
        String zhanlong = apply("zhanlong", "查询校验丝袜厂改造项目").get("code").asText();
        String liushadong = apply("liushadong", "查询校验五金厂改造项目").get("code").asText();

        assertThat(codes("nrb-clerk", "查询校验", "")).contains(zhanlong, liushadong);
        assertThat(codes("nrb-clerk", "丝袜", "")).containsExactly(zhanlong);
        assertThat(codes("nrb-clerk", liushadong.toLowerCase(), "")).containsExactly(liushadong);
        assertThat(codes("nrb-clerk", "查询校验", "&town=liushadong")).containsExactly(liushadong);
        assertThat(codes("nrb-clerk", "查询校验", "&phase=INTAKE&status=ACTIVE")).contains(zhanlong, liushadong);
        assertThat(codes("nrb-clerk", "查询校验", "&phase=LAND_MANAGEMENT")).isEmpty();
        assertThat(codes("nrb-clerk", "查询校验", "&status=COMPLETED")).isEmpty();
        // By the applicant's name, which the tests' applications share; a % is a character, not a wildcard.
        assertThat(codes("nrb-clerk", "普宁市某纺织有限公司", "&size=100")).contains(zhanlong, liushadong);
        assertThat(codes("nrb-clerk", "查询%校验", "")).isEmpty();

        // A town's officer finds its own town's projects only, whatever the filter says.
        assertThat(codes("zhanlong1", "查询校验", "")).containsExactly(zhanlong);
        assertThat(codes("zhanlong1", "查询校验", "&town=liushadong")).isEmpty();
        // The applicant, their own (both applied for applicant1 here).
        assertThat(codes("applicant1", "查询校验", "")).contains(zhanlong, liushadong);
        assertThat(codes("applicant2", "查询校验", "")).isEmpty();

        // Filters naming nothing are the caller's mistake, named.
        assertThat(get("nrb-clerk", "/api/projects?town=zhanlon").body().at("/errors/0").toString())
                .isEqualTo("{\"field\":\"town\",\"reason\":\"没有编码为 zhanlon 的乡镇(街道、农场)\"}");
        assertThat(get("nrb-clerk", "/api/projects?phase=NOPE").body().at("/errors/0/field").asText()).isEqualTo("phase");
        Answer status = get("nrb-clerk", "/api/projects?status=DONE");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.body().at("/errors/0/reason").asText()).startsWith("取值无效，可选值：ACTIVE");
    }

    /** The codes found for {@code user} by the word {@code q} and the other filters {@code more} ("&town=…"). */
    private List<String> codes(String user, String q, String more) throws Exception {
        Answer found = get(user, "/api/projects?q={q}" + more, q);
        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        for (JsonNode p : found.body().get("content")) {
            codes.add(p.get("code").asText());
        }
        return codes;
    }
}
