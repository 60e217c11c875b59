package cn.gonggaigong.security.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import cn.gonggaigong.ApplicationTestSupport;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the integration tests of the {@code keycloak} profile: the whole application (embedded PostgreSQL on a
 * fresh data directory under target/, any free port, see {@link ApplicationTestSupport}) against the real
 * Keycloak of {@link KeycloakServer}, called over HTTP on its random port. Tagged {@code keycloak}: failsafe runs
 * these in a JVM of their own (pom.xml).
 */
@ActiveProfiles("keycloak")
@Tag("keycloak")
public abstract class KeycloakApplicationTestSupport extends ApplicationTestSupport implements KeycloakTestProperties {

    /** The demo password of every user of keycloak-realm.json (demo only). */
    protected static final String DEMO_PASSWORD = "demo";

    @LocalServerPort
    protected int port;

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected static KeycloakServer keycloak() {
        return KeycloakServer.get();
    }

    /** {@code http://localhost:<port><path>}: the application as a browser or a program reaches it. */
    protected String appUrl(String path) {
        return "http://localhost:" + port + path;
    }

    /** GET of the application with an {@code Authorization} header (or none when null). */
    protected HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(appUrl(path)))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(http, request.build());
    }

    protected static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
