package cn.gonggaigong.security.embedded;

import cn.gonggaigong.security.IdentityMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks user name and password against Camunda's identity tables and carries the user's groups.
 * <p>
 * Camunda guards the passwords against guessing: after a wrong password it refuses every attempt of that user for a
 * while (3 s, doubling with each further wrong password, up to 60 s), without looking at the password, and after 10
 * wrong passwords in a row for good, until an administrator unlocks the user (Admin, 解锁用户). Answered with the usual
 * "wrong password", a person who typed the right password a moment after a typo, or whose account is locked, would
 * try again and again, never told why: the refusal says which it is ({@link #refusal}), and how many wrong passwords
 * are left before the lock. An unknown user name gets the usual answer.
 */
@Component
@Profile("!keycloak")
public class CamundaPasswordAuthenticationProvider implements AuthenticationProvider {

    public static final String WRONG_PASSWORD = "用户名或密码错误，请重新输入。";
    /** From this many wrong passwords left before the lock on, the refusal counts them down. */
    static final int WARN_WHEN_LEFT = 3;
    /** A wait shorter than this after a wrong password is not worth mentioning (it is over by the next try). */
    static final Duration MENTIONED_WAIT = Duration.ofSeconds(5);

    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl engine;

    public CamundaPasswordAuthenticationProvider(IdentityService identityService, ProcessEngine processEngine) {
        this.identityService = identityService;
        this.engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object password = authentication.getCredentials();
        if (userId == null || password == null) {
            throw new WrongPassword(WRONG_PASSWORD);
        }
        Lock before = lock(userId);
        if (before != null && before.refusesEveryAttempt()) {
            throw new Locked(before.refusal(false)); // Camunda would not look at the password
        }
        if (!identityService.checkPassword(userId, password.toString())) {
            Lock after = lock(userId);
            String message = after == null ? WRONG_PASSWORD : after.refusal(true);
            throw after != null && after.permanent() ? new Locked(message) : new WrongPassword(message);
        }
        List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .map(id -> new SimpleGrantedAuthority(IdentityMode.GROUP_AUTHORITY_PREFIX + id))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
    }

    /** What the login page says of a refused login: this provider's reason, else the usual one. */
    public static String refusal(AuthenticationException refused) {
        return refused instanceof Said ? refused.getMessage() : WRONG_PASSWORD;
    }

    /** A refusal whose message is meant for the person logging in. */
    private interface Said {
    }

    private static final class WrongPassword extends BadCredentialsException implements Said {
        WrongPassword(String message) {
            super(message);
        }
    }

    private static final class Locked extends LockedException implements Said {
        Locked(String message) {
            super(message);
        }
    }

    private Lock lock(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (!(user instanceof UserEntity entity)) {
            return null;
        }
        Instant until = entity.getLockExpirationTime() == null ? null : entity.getLockExpirationTime().toInstant();
        return new Lock(entity.getAttempts(), engine.getLoginMaxAttempts(), until, ClockUtil.getCurrentTime().toInstant());
    }

    /** A user's wrong passwords in a row, Camunda's limit, and until when it refuses the user's attempts. */
    record Lock(int attempts, int maxAttempts, Instant until, Instant now) {

        boolean permanent() {
            return attempts >= maxAttempts;
        }

        boolean refusesEveryAttempt() {
            return permanent() || (until != null && until.isAfter(now));
        }

        /** Seconds until attempts are looked at again, rounded up. */
        long waitSeconds() {
            return until == null ? 0 : Math.max(0, (Duration.between(now, until).toMillis() + 999) / 1000);
        }

        /** The refusal: of a wrong password just typed ({@code wrongPassword}), or of an attempt while locked. */
        String refusal(boolean wrongPassword) {
            if (permanent()) {
                return "账号已锁定：密码已连续输错" + attempts + "次。为防止密码被猜测，账号已被锁定，"
                        + "请联系系统管理员解锁（管理 › 用户 › 解锁用户）。";
            }
            if (!wrongPassword) {
                return "账号暂时锁定：刚才输错了密码，为防止密码被猜测，请于" + waitSeconds() + "秒后重新登录。"
                        + "本次输入的密码未经核对。";
            }
            StringBuilder message = new StringBuilder(WRONG_PASSWORD);
            int left = maxAttempts - attempts;
            if (left <= WARN_WHEN_LEFT) {
                message.append("再输错").append(left).append("次，账号将被锁定，需由系统管理员解锁。");
            }
            if (until != null && Duration.between(now, until).compareTo(MENTIONED_WAIT) >= 0) {
                message.append("请于").append(waitSeconds()).append("秒后再试。");
            }
            return message.toString();
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
