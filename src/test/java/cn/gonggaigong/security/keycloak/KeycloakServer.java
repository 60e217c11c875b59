package cn.gonggaigong.security.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One real Keycloak per test JVM, started on first use from the distribution the build unpacked from Maven Central
 * ({@code org.keycloak:keycloak-quarkus-dist}, see pom.xml; system property {@code keycloak.home}, else the
 * newest {@code target/keycloak/keycloak-*}): {@code kc.sh start-dev --import-realm} on a free loopback port with
 * {@code --hostname} fixed to {@code http://127.0.0.1:<port>} (so the issuer of every token is
 * {@link #issuer()}), a clean data folder (the distribution's {@code data/}, under target/) and
 * keycloak-realm.json imported. Its output goes to {@code target/keycloak.log}. It is stopped when the JVM exits
 * (its process tree, by PID); a Keycloak left running by a killed test JVM is found by {@code target/keycloak.pid}
 * and stopped before the next start.
 */
public final class KeycloakServer {

    /** The client of the application (keycloak-realm.json), used for password grants. */
    public static final String APP_CLIENT = "ggg-app";

    /** A client {@link #shortLivedToken} creates in the realm: tokens that expire soon. */
    public static final String SHORT_LIVED_CLIENT = "it-short-lived";

    /** A realm {@link #otherRealmToken} creates beside keycloak-realm.json's, with its own keys. */
    public static final String OTHER_REALM = "other-realm";

    /** About 25 s on a quiet 2-core machine; minutes when other builds load it. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(300);
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path LOG = TARGET.resolve("keycloak.log");
    private static final Path PID_FILE = TARGET.resolve("keycloak.pid");
    private static final Path REALM_FILE = Path.of("keycloak-realm.json").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KeycloakServer instance;

    private final Path home;
    private final int port;
    private final String realm;
    private final String appClientSecret;
    private final String adminUser = "admin";
    private final String adminPassword = "it-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    private KeycloakServer(Path home, int port, JsonNode realmJson) {
        this.home = home;
        this.port = port;
        this.realm = realmJson.path("realm").asText();
        this.appClientSecret = findClient(realmJson, APP_CLIENT).path("secret").asText();
    }

    /** The server of this JVM, started (and waited for) on the first call. */
    public static synchronized KeycloakServer get() {
        if (instance == null) {
            KeycloakServer server;
            try {
                server = new KeycloakServer(distribution(), freePort(), JSON.readTree(REALM_FILE.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.start();
            instance = server;
        }
        return instance;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The realm of keycloak-realm.json ({@code puning-ggg}). */
    public String realm() {
        return realm;
    }

    /** The {@code iss} of the realm's tokens. */
    public String issuer() {
        return issuer(realm);
    }

    public String issuer(String realmName) {
        return baseUrl() + "/realms/" + realmName;
    }

    /** The demo secret of client {@code ggg-app}, as keycloak-realm.json has it. */
    public String appClientSecret() {
        return appClientSecret;
    }

    /** An access token of the realm for {@code username} (password grant, client {@code ggg-app}). */
    public String passwordGrant(String username, String password) {
        return passwordGrant(realm, APP_CLIENT, appClientSecret, username, password);
    }

    /** An access token of {@code realmName} (password grant, direct access grants must be on for the client). */
    public String passwordGrant(String realmName, String clientId, String clientSecret, String username,
                                String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        if (clientSecret != null) {
            form.put("client_secret", clientSecret);
        }
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        return tokenRequest(realmName, form).path("access_token").asText();
    }

    /** The token endpoint's answer; fails unless 200. */
    public JsonNode tokenRequest(String realmName, Map<String, String> form) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(issuer(realmName)
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form))));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request to realm " + realmName + " for " + form.get("username")
                    + " failed: " + response.statusCode() + " " + response.body());
        }
        return readJson(response.body());
    }

    /** The claims of a JWT (its payload, not verified: for assertions on tokens Keycloak issued). */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT: " + jwt);
        }
        return readJson(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    /**
     * Calls Keycloak's admin REST API as the bootstrap administrator: {@code path} below {@code /admin/realms},
     * e.g. {@code ""} (POST creates a realm) or {@code "/puning-ggg/clients"}; {@code body} as JSON, or null.
     * Fails unless the answer is 2xx; returns its body (empty when there is none).
     */
    public String admin(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms" + path))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .method(method, publisher));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak admin " + method + " " + path + ": " + response.statusCode()
                    + " " + response.body());
        }
        return response.body();
    }

    /**
     * Creates a user of the realm, in no group, with this password; returns its internal id. For tests that try wrong
     * passwords: the realm locks an account after them (bruteForceProtected), which must not be a user other tests
     * log in as.
     */
    public String createUser(String username, String password) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("lastName", "测试");
        user.put("firstName", username);
        user.put("email", username + "@demo.invalid");
        user.put("emailVerified", true);
        user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        admin("POST", "/" + realm + "/users", user);
        JsonNode found = adminJson("/" + realm + "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8));
        return found.get(0).path("id").asText();
    }

    /** Removes a user {@link #createUser} made. */
    public void deleteUser(String id) {
        admin("DELETE", "/" + realm + "/users/" + id, null);
    }

    public JsonNode adminJson(String path) {
        return readJson(admin("GET", path, null));
    }

    /** The internal id of a client of {@code realmName}. */
    public String clientUuid(String realmName, String clientId) {
        JsonNode clients = adminJson("/" + realmName + "/clients?clientId="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
        if (clients.size() != 1) {
            throw new IllegalStateException("client " + clientId + " of realm " + realmName + ": " + clients);
        }
        return clients.get(0).path("id").asText();
    }

    /** A confidential client that issues tokens for a user's password, with the realm's groups claim. */
    private static Map<String, Object> passwordGrantClient(String clientId, String secret) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("enabled", true);
        client.put("publicClient", false);
        client.put("secret", secret);
        client.put("directAccessGrantsEnabled", true);
        client.put("protocolMappers", List.of(groupsMapper()));
        return client;
    }

    /**
     * An access token of the realm for {@code username} that expires {@code lifespan} after it is issued: from
     * client {@value #SHORT_LIVED_CLIENT}, created in the realm on first use through the admin API, a copy of
     * {@code ggg-app} (same groups claim) except for its access token lifespan.
     */
    public synchronized String shortLivedToken(String username, String password, Duration lifespan) {
        String secret = "short-lived-" + port;
        Map<String, Object> client = passwordGrantClient(SHORT_LIVED_CLIENT, secret);
        client.put("standardFlowEnabled", false);
        client.put("attributes", Map.of("access.token.lifespan", Long.toString(lifespan.toSeconds())));
        JsonNode existing = adminJson("/" + realm + "/clients?clientId=" + SHORT_LIVED_CLIENT);
        if (existing.isEmpty()) {
            admin("POST", "/" + realm + "/clients", client);
        } else {
            client.remove("protocolMappers");
            admin("PUT", "/" + realm + "/clients/" + existing.get(0).path("id").asText(), client);
        }
        return passwordGrant(realm, SHORT_LIVED_CLIENT, secret, username, password);
    }

    /**
     * An access token of {@value #OTHER_REALM} (created on first use through the admin API) for a user of the same
     * name and group as {@code username} of the realm: only its realm (keys and issuer) differs.
     */
    public synchronized String otherRealmToken(String username, String group) {
        String secret = "other-realm-secret";
        boolean exists = elements(adminJson("")).anyMatch(r -> OTHER_REALM.equals(r.path("realm").asText()));
        if (!exists) {
            Map<String, Object> client = passwordGrantClient(APP_CLIENT, secret);
            Map<String, Object> other = new LinkedHashMap<>();
            other.put("realm", OTHER_REALM);
            other.put("enabled", true);
            other.put("groups", List.of(Map.of("name", group, "path", "/" + group)));
            other.put("clients", List.of(client));
            admin("POST", "", other);
        }
        JsonNode users = adminJson("/" + OTHER_REALM + "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8));
        if (users.isEmpty()) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("username", username);
            user.put("enabled", true);
            user.put("firstName", "Other");
            user.put("lastName", "Realm");
            user.put("email", username + "@other-realm.invalid");
            user.put("emailVerified", true);
            user.put("credentials", List.of(Map.of("type", "password", "value", "other", "temporary", false)));
            user.put("groups", List.of("/" + group));
            admin("POST", "/" + OTHER_REALM + "/users", user);
        }
        return passwordGrant(OTHER_REALM, APP_CLIENT, secret, username, "other");
    }

    /**
     * An access token of the realm, signed with the realm's own key, whose {@code iss} is {@code frontendUrl}'s
     * instead of {@link #issuer()}: the realm's {@code frontendUrl} attribute (which overrides {@code --hostname}
     * for one realm) is set for the one token request and removed again.
     */
    public synchronized String tokenWithFrontendUrl(String frontendUrl, String username, String password) {
        admin("PUT", "/" + realm, Map.of("attributes", Map.of("frontendUrl", frontendUrl)));
        try {
            return passwordGrant(username, password);
        } finally {
            admin("PUT", "/" + realm, Map.of("attributes", Map.of("frontendUrl", "")));
        }
    }

    /** Lets client {@code ggg-app} redirect to {@code redirectUri} (e.g. the application's random port). */
    public synchronized void allowRedirect(String redirectUri) {
        String uuid = clientUuid(realm, APP_CLIENT);
        JsonNode client = adminJson("/" + realm + "/clients/" + uuid);
        List<String> uris = new ArrayList<>();
        client.path("redirectUris").forEach(uri -> uris.add(uri.asText()));
        if (!uris.contains(redirectUri)) {
            uris.add(redirectUri);
            admin("PUT", "/" + realm + "/clients/" + uuid, Map.of("redirectUris", uris));
        }
    }

    /**
     * Has Keycloak tell the application when a session of client {@code ggg-app} ends there (OIDC back-channel logout
     * to {@code logoutUrl}, e.g. the application's random port), as an installation configures in the realm.
     */
    public synchronized void sendBackChannelLogoutTo(String logoutUrl) {
        String uuid = clientUuid(realm, APP_CLIENT);
        admin("PUT", "/" + realm + "/clients/" + uuid, Map.of("attributes", Map.of(
                "backchannel.logout.url", logoutUrl, "backchannel.logout.session.required", "true")));
    }

    /** Ends every Keycloak session of the user, as an administrator does in Keycloak's console. */
    public void logOut(String username) {
        admin("POST", "/" + realm + "/users/" + userId(username) + "/logout", null);
    }

    /** The ids of the user's Keycloak sessions (the {@code sid} of the tokens issued in each). */
    public List<String> sessionsOf(String username) {
        return elements(adminJson("/" + realm + "/users/" + userId(username) + "/sessions"))
                .map(session -> session.path("id").asText()).toList();
    }

    /** Ends one Keycloak session, as an administrator does in the console's list of sessions (its 注销). */
    public void endSession(String sessionId) {
        admin("DELETE", "/" + realm + "/sessions/" + sessionId, null);
    }

    /** Moves the user from one group of the realm to another, as an administrator does in Keycloak's console. */
    public void moveToGroup(String username, String from, String to) {
        String user = userId(username);
        admin("DELETE", "/" + realm + "/users/" + user + "/groups/" + groupId(from), null);
        admin("PUT", "/" + realm + "/users/" + user + "/groups/" + groupId(to), null);
    }

    /** Puts the user into a group of the realm. */
    public void addToGroup(String username, String group) {
        admin("PUT", "/" + realm + "/users/" + userId(username) + "/groups/" + groupId(group), null);
    }

    /** Switches the user off (their sessions stay until they are used), as an administrator does for 离职. */
    public void disable(String username) {
        String path = "/" + realm + "/users/" + userId(username);
        ObjectNode user = (ObjectNode) adminJson(path);
        user.put("enabled", false);
        admin("PUT", path, user);
    }

    private String groupId(String name) {
        return elements(adminJson("/" + realm + "/groups?exact=true&search=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .filter(group -> group.path("name").asText().equals(name)).findFirst().orElseThrow()
                .path("id").asText();
    }

    private String userId(String username) {
        return adminJson("/" + realm + "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8))
                .get(0).get("id").asText();
    }

    private static Map<String, Object> groupsMapper() {
        return Map.of("name", "groups", "protocol", "openid-connect", "protocolMapper",
                "oidc-group-membership-mapper", "config", Map.of("full.path", "false", "id.token.claim", "true",
                        "access.token.claim", "true", "userinfo.token.claim", "true", "claim.name", "groups"));
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private String adminToken() {
        return tokenRequest("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", adminUser, "password", adminPassword)).path("access_token").asText();
    }

    private void start() {
        try {
            stopLeftover();
            Path data = home.resolve("data");
            deleteRecursively(data);
            Path imports = Files.createDirectories(data.resolve("import"));
            // --import-realm wants the file named after the realm.
            Files.copy(REALM_FILE, imports.resolve(realm + "-realm.json"));
            Files.createDirectories(TARGET);

            ProcessBuilder builder = new ProcessBuilder("/bin/sh", home.resolve("bin/kc.sh").toString(),
                    "start-dev", "--import-realm",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=" + baseUrl())
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(LOG.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("KEYCLOAK_"));
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            // kc.sh would otherwise take 50-70 % of the machine's memory for its heap inside a container.
            env.putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            Instant started = Instant.now();
            process = builder.start();
            Files.writeString(PID_FILE, Long.toString(process.pid()));
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "keycloak-stop"));
            awaitRealm(started);
            System.out.printf("Keycloak %s started at %s in %d s (pid %d, log %s)%n", home.getFileName(), baseUrl(),
                    Duration.between(started, Instant.now()).toSeconds(), process.pid(), LOG);
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        }
    }

    private void awaitRealm(Instant started) {
        URI wellKnown = URI.create(issuer() + "/.well-known/openid-configuration");
        Instant deadline = started.plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + " before it was ready:\n"
                        + logTail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(wellKnown)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && issuer().equals(readJson(response.body()).path("issuer").asText())) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Keycloak did not answer " + wellKnown + " within "
                + STARTUP_TIMEOUT.toSeconds() + " s:\n" + logTail());
    }

    /** Stops the server and everything it started: TERM, up to 30 s for a clean stop, then KILL. */
    private synchronized void stop() {
        if (process == null) {
            return;
        }
        stopTree(process.toHandle());
        process = null;
        try {
            Files.deleteIfExists(PID_FILE);
        } catch (IOException e) {
            // the next start checks the PID anyway
        }
    }

    private static void stopTree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    /** A Keycloak of this distribution left running by a test JVM that was killed. */
    private void stopLeftover() throws IOException {
        if (!Files.exists(PID_FILE)) {
            return;
        }
        long pid = Long.parseLong(Files.readString(PID_FILE).trim());
        Optional<ProcessHandle> leftover = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(cmd -> cmd.contains(home.toString())).orElse(false));
        leftover.ifPresent(p -> {
            System.out.println("Stopping Keycloak left running by an earlier test run (pid " + pid + ")");
            stopTree(p);
        });
        Files.deleteIfExists(PID_FILE);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path distribution() {
        String configured = System.getProperty("keycloak.home");
        Path home;
        if (configured != null && !configured.isBlank()) {
            home = Path.of(configured).toAbsolutePath();
        } else {
            try (Stream<Path> dirs = Files.list(TARGET.resolve("keycloak"))) {
                home = dirs.filter(dir -> dir.getFileName().toString().startsWith("keycloak-"))
                        .max(Comparator.naturalOrder())
                        .orElse(TARGET.resolve("keycloak/keycloak-?"));
            } catch (IOException e) {
                home = TARGET.resolve("keycloak/keycloak-?");
            }
        }
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home + ": run ./mvnw verify (it is "
                    + "unpacked in pre-integration-test) or ./mvnw dependency:unpack@unpack-keycloak");
        }
        return home;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static JsonNode findClient(JsonNode realmJson, String clientId) {
        for (JsonNode client : realmJson.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return client;
            }
        }
        throw new IllegalStateException(REALM_FILE + " has no client " + clientId);
    }

    private static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String logTail() {
        try {
            List<String> lines = Files.readAllLines(LOG);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log at " + LOG + ": " + e + ")";
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
