package cn.gonggaigong.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The person making a request: the user id and the groups (towns, bureaus, departments...) they belong to. */
public record CurrentUser(String userId, Set<String> groups) {

    public static Optional<CurrentUser> of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
                || "anonymousUser".equals(authentication.getName())) {
            return Optional.empty();
        }
        Set<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(IdentityMode.GROUP_AUTHORITY_PREFIX))
                .map(a -> a.substring(IdentityMode.GROUP_AUTHORITY_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
        return Optional.of(new CurrentUser(authentication.getName(), groups));
    }

    /** The user of the current request; the security filter chain guarantees there is one on protected paths. */
    public static CurrentUser current() {
        return of(SecurityContextHolder.getContext().getAuthentication())
                .orElseThrow(() -> new AccessRefusedException("未登录"));
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }

    public boolean inAnyGroup(Set<String> candidates) {
        return groups.stream().anyMatch(candidates::contains);
    }

    public List<String> groupList() {
        return groups.stream().sorted().toList();
    }
}
