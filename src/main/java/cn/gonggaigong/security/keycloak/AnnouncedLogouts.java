package cn.gonggaigong.security.keycloak;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.InMemoryOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;

/**
 * The application's record of its Keycloak logins (Spring Security's own, in memory) that also keeps, per realm user,
 * when Keycloak last announced the end of one of that user's sessions (an OIDC back-channel logout token), in table
 * {@code realm_logout_announcement} for every node. Spring's back-channel handling ends the logins that the token
 * names, on the node Keycloak called; {@link RealmSessionCheck} uses the time to ask Keycloak about the user's other
 * logins, on every node, because Keycloak does not always name each session it ends: its administrator's 注销 of a
 * user with two sessions announced only one of them in 5 of 8 tries (Keycloak 26.4.7, KeycloakBrowserIT), and the
 * other login went on working.
 * <p>
 * A node reads a user's row at most once per {@link #READ_AGAIN} (every request of a logged-in person asks), so a
 * node learns of an announcement made on another within that time.
 */
final class AnnouncedLogouts implements OidcSessionRegistry {

    private static final Logger log = LoggerFactory.getLogger(AnnouncedLogouts.class);

    static final Duration READ_AGAIN = Duration.ofSeconds(1);

    private record Read(Optional<Instant> announcedAt, Instant readAt) {
    }

    private final OidcSessionRegistry logins = new InMemoryOidcSessionRegistry();
    private final Map<String, Read> reads = new ConcurrentHashMap<>();
    /** The announcements Keycloak made to this node (kept should the database not take them). */
    private final Map<String, Instant> announcedHere = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AnnouncedLogouts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
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
            Instant now = clock.instant();
            announcedHere.merge(token.getSubject(), now, AnnouncedLogouts::later);
            try {
                jdbc.update("""
                        insert into realm_logout_announcement (subject, announced_at) values (?, ?)
                        on conflict (subject) do update
                            set announced_at = greatest(realm_logout_announcement.announced_at, excluded.announced_at)
                        """, token.getSubject(), Timestamp.from(now));
            } catch (DataAccessException e) {
                // The logins the token names still end, and this node's others are asked about; the other nodes' are not.
                log.error("未能记录 Keycloak 通知的会话结束（用户 {}），其他节点上该用户的登录不会据此核对", token.getSubject(), e);
            }
        }
        return logins.removeSessionInformation(token);
    }

    /** When Keycloak last announced the end of a session of the realm user {@code subject}, if it ever did. */
    Optional<Instant> lastAnnounced(String subject) {
        Instant now = clock.instant();
        Read known = reads.get(subject);
        if (known == null || !known.readAt().plus(READ_AGAIN).isAfter(now)) {
            try {
                known = new Read(Optional.ofNullable(jdbc.query(
                        "select announced_at from realm_logout_announcement where subject = ?",
                        rs -> rs.next() ? rs.getTimestamp(1).toInstant() : null, subject)), now);
                reads.put(subject, known);
            } catch (DataAccessException e) {
                log.warn("未能读取 Keycloak 通知的会话结束记录（用户 {}）：{}", subject, e.getMessage());
            }
        }
        return Stream.concat(Stream.ofNullable(announcedHere.get(subject)),
                known == null ? Stream.empty() : known.announcedAt().stream()).max(Comparator.naturalOrder());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
