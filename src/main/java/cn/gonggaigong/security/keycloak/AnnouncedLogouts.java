package cn.gonggaigong.security.keycloak;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.InMemoryOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;

/**
 * The application's record of its Keycloak logins (Spring Security's own, in memory) that also remembers, per realm
 * user, when Keycloak last announced the end of one of that user's sessions (an OIDC back-channel logout token).
 * Spring's back-channel handling ends the sessions that the token names; {@link RealmSessionCheck} uses the time to
 * ask Keycloak about the user's other sessions here, because Keycloak does not always name each session it ends: its
 * administrator's 注销 of a user with two sessions announced only one of them in 5 of 8 tries (Keycloak 26.4.7,
 * KeycloakBrowserIT), and the other login here went on working.
 */
final class AnnouncedLogouts implements OidcSessionRegistry {

    private final OidcSessionRegistry logins = new InMemoryOidcSessionRegistry();
    /** Realm user id ({@code sub}) → when the last logout token for one of their sessions arrived. */
    private final Map<String, Instant> lastAnnounced = new ConcurrentHashMap<>();
    private final Clock clock;

    AnnouncedLogouts(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void saveSessionInformation(OidcSessionInformation info) {
        logins.saveSessionInformation(info);
    }

    @Override
    public OidcSessionInformation removeSessionInformation(String clientSessionId) {
        return logins.removeSessionInformation(clientSessionId);
    }

    /** Called by the back-channel handling with each logout token that passed its checks. */
    @Override
    public Iterable<OidcSessionInformation> removeSessionInformation(OidcLogoutToken token) {
        if (token.getSubject() != null) {
            lastAnnounced.merge(token.getSubject(), clock.instant(), (before, now) -> now.isAfter(before) ? now : before);
        }
        return logins.removeSessionInformation(token);
    }

    /** When Keycloak last announced the end of a session of the realm user {@code subject}, if it ever did. */
    Optional<Instant> lastAnnounced(String subject) {
        return Optional.ofNullable(lastAnnounced.get(subject));
    }
}
