package cn.gonggaigong.security;

/**
 * Whether a user who still exists may no longer work: Keycloak's disabled users ({@code KeycloakAccounts}), which
 * Camunda's identity plugin lists like any other. The embedded identity has no such state (a person who leaves is
 * deleted), and no bean of this type.
 */
public interface AccountStatus {

    boolean disabled(String userId);
}
