package cn.gonggaigong.security.keycloak;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

import static org.assertj.core.api.Assertions.assertThat;

/** The logins a session waits for, each with its page: several at once, each found by its state. */
class PendingLoginsTest {

    private final PendingLogins logins = new PendingLogins();
    private final MockHttpSession session = new MockHttpSession();

    @Test
    void twoTabsLoginsAreBothKeptEachWithItsPage() {
        OAuth2AuthorizationRequest tasks = sent("state-tasks", "/tasks");
        OAuth2AuthorizationRequest notifications = sent("state-notifications", "/notifications");

        MockHttpServletRequest second = answer("state-notifications");
        assertThat(logins.loadAuthorizationRequest(second)).isEqualTo(notifications);
        assertThat(logins.removeAuthorizationRequest(second, new MockHttpServletResponse())).isEqualTo(notifications);
        assertThat((String) second.getAttribute(PendingLogins.RETURN_TO)).endsWith("/notifications?continue");

        MockHttpServletRequest first = answer("state-tasks");
        assertThat(logins.removeAuthorizationRequest(first, new MockHttpServletResponse())).isEqualTo(tasks);
        assertThat((String) first.getAttribute(PendingLogins.RETURN_TO)).endsWith("/tasks?continue");

        // Each answer once: a second coming back of the same state is no login waited for.
        MockHttpServletRequest again = answer("state-tasks");
        assertThat(logins.loadAuthorizationRequest(again)).isNull();
        assertThat(logins.removeAuthorizationRequest(again, new MockHttpServletResponse())).isNull();
        assertThat(again.getAttribute(PendingLogins.RETURN_TO)).isNull();
        assertThat(Collections.list(session.getAttributeNames())).noneMatch(name -> name.startsWith(PendingLogins.class.getName()));
    }

    @Test
    void aLoginStartedWithoutAPageComesBackWithoutOne() {
        OAuth2AuthorizationRequest direct = request("state-direct");
        MockHttpServletRequest start = new MockHttpServletRequest("GET", "/oauth2/authorization/keycloak");
        start.setSession(session);
        logins.saveAuthorizationRequest(direct, start, new MockHttpServletResponse());

        MockHttpServletRequest back = answer("state-direct");
        assertThat(logins.removeAuthorizationRequest(back, new MockHttpServletResponse())).isEqualTo(direct);
        assertThat(back.getAttribute(PendingLogins.RETURN_TO)).isNull();
    }

    @Test
    void theOldestAreForgottenBeyondTheKeptNumber() {
        for (int tab = 0; tab <= PendingLogins.KEPT; tab++) {
            sent("state-" + tab, "/tasks/" + tab);
        }
        assertThat(logins.loadAuthorizationRequest(answer("state-0"))).isNull();
        for (int tab = 1; tab <= PendingLogins.KEPT; tab++) {
            assertThat(logins.loadAuthorizationRequest(answer("state-" + tab))).as("tab %d", tab).isNotNull();
        }
    }

    @Test
    void anAnswerWithoutStateOrSessionFindsNothing() {
        sent("state-tasks", "/tasks");
        MockHttpServletRequest noState = new MockHttpServletRequest("GET", "/login/oauth2/code/keycloak");
        noState.setSession(session);
        assertThat(logins.loadAuthorizationRequest(noState)).isNull();
        MockHttpServletRequest otherBrowser = new MockHttpServletRequest("GET", "/login/oauth2/code/keycloak");
        otherBrowser.setParameter("state", "state-tasks");
        assertThat(logins.loadAuthorizationRequest(otherBrowser)).isNull();
        assertThat(logins.removeAuthorizationRequest(otherBrowser, new MockHttpServletResponse())).isNull();
    }

    /** Sessions may be written to disk (a restart, a session store): what is kept there must survive it. */
    @Test
    void theWaitingLoginsSurviveTheSessionsSerialisation() throws IOException, ClassNotFoundException {
        OAuth2AuthorizationRequest tasks = sent("state-tasks", "/tasks");
        String name = Collections.list(session.getAttributeNames()).stream()
                .filter(attribute -> attribute.startsWith(PendingLogins.class.getName())).findFirst().orElseThrow();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(session.getAttribute(name));
        }
        Object copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }
        session.setAttribute(name, copy);
        MockHttpServletRequest back = answer("state-tasks");
        assertThat(logins.removeAuthorizationRequest(back, new MockHttpServletResponse()).getState())
                .isEqualTo(tasks.getState());
        assertThat((String) back.getAttribute(PendingLogins.RETURN_TO)).endsWith("/tasks?continue");
    }

    /** A tab asks for {@code page}, is led to the login, which is sent to Keycloak with {@code state}. */
    private OAuth2AuthorizationRequest sent(String state, String page) {
        MockHttpServletRequest asked = new MockHttpServletRequest("GET", page);
        asked.setSession(session);
        new HttpSessionRequestCache().saveRequest(asked, new MockHttpServletResponse());
        MockHttpServletRequest start = new MockHttpServletRequest("GET", "/oauth2/authorization/keycloak");
        start.setSession(session);
        OAuth2AuthorizationRequest request = request(state);
        logins.saveAuthorizationRequest(request, start, new MockHttpServletResponse());
        return request;
    }

    private MockHttpServletRequest answer(String state) {
        MockHttpServletRequest answer = new MockHttpServletRequest("GET", "/login/oauth2/code/keycloak");
        answer.setParameter("code", "a-code");
        answer.setParameter("state", state);
        answer.setSession(session);
        return answer;
    }

    private static OAuth2AuthorizationRequest request(String state) {
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri("http://keycloak.example/realms/gonggaigong/protocol/openid-connect/auth")
                .clientId("ggg-app")
                .redirectUri("http://localhost/login/oauth2/code/keycloak")
                .state(state)
                .build();
    }
}
