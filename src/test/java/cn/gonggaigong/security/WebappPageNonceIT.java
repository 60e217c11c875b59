package cn.gonggaigong.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.gonggaigong.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webapps' pages requested at the same time (officers opening Tasklist at nine, the welcome page and Cockpit
 * alongside, a webapp's own files loading): each page's scripts carry the nonce of its own Content-Security-Policy,
 * without which the browser runs none of them and the webapp stays blank (Camunda 7.24 shares one nonce between
 * requests: 25 of 60 pages requested at once had another's).
 */
class WebappPageNonceIT extends ApplicationTestSupport {

    private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([^']+)'");
    private static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"([^\"]*)\"");

    @LocalServerPort
    int port;

    @Test
    void everyPageCarriesItsOwnHeadersNonceWhenManyAreRequestedAtOnce() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String[][] pages = {{"zhanlong1", "/camunda/app/tasklist/default/"}, {"leader1", "/camunda/app/cockpit/default/"},
                {"zhanlong1", "/camunda/app/welcome/default/"}, {"zhanlong1", "/camunda/app/tasklist/scripts/officer-view.js"}};
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 160; i++) {
                String[] page = pages[i % pages.length];
                answers.add(threads.submit((Callable<String>) () -> {
                    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + page[1]))
                            .header("Accept", "text/html,*/*;q=0.8")
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                    (page[0] + ":demo").getBytes(StandardCharsets.UTF_8)))
                            .GET().build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(answer.statusCode()).as(page[1]).isEqualTo(200);
                    if (!page[1].endsWith("/")) {
                        return null;
                    }
                    Matcher header = HEADER_NONCE.matcher(answer.headers().firstValue(WebappPageNonceFilter.CSP).orElse(""));
                    assertThat(header.find()).as(page[1]).isTrue();
                    Matcher body = PAGE_NONCE.matcher(answer.body());
                    int scripts = 0;
                    while (body.find()) {
                        scripts++;
                        if (!body.group(1).equals(header.group(1))) {
                            return page[1] + ": page nonce " + body.group(1) + ", header's " + header.group(1);
                        }
                    }
                    assertThat(scripts).as(page[1]).isPositive();
                    return null;
                }));
            }
            List<String> mismatches = new ArrayList<>();
            for (Future<String> answer : answers) {
                String mismatch = answer.get();
                if (mismatch != null) {
                    mismatches.add(mismatch);
                }
            }
            assertThat(mismatches).isEmpty();
        } finally {
            threads.shutdownNow();
        }
    }
}
