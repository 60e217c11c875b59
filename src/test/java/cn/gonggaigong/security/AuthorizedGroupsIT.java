package cn.gonggaigong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.gonggaigong.ApplicationTestSupport;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine reads the groups that hold authorizations through the index (AuthorizedGroupsPlugin): the same groups
 * as Camunda's own statement, a group that has just been granted something counts at once, and a user of that group
 * is authorized through it.
 */
class AuthorizedGroupsIT extends ApplicationTestSupport {

    @Autowired
    ProcessEngine engine;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    JdbcTemplate jdbc;

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    private Set<String> groupsSeenByTheEngine() {
        return configuration().getCommandExecutorTxRequired().execute((Command<Set<String>>) context ->
                new HashSet<>(((AuthorizedGroupsPlugin.IndexedGroupsAuthorizationManager) context.getAuthorizationManager())
                        .getAllGroups()));
    }

    private Set<String> groupsByCamundasStatement() {
        return new HashSet<>(jdbc.queryForList(
                "select distinct group_id_ from act_ru_authorization where group_id_ is not null", String.class));
    }

    @Test
    void theEngineOpensTheIndexedAuthorizationManager() {
        Object session = configuration().getSessionFactories().get(AuthorizationManager.class).openSession();
        assertThat(session).isInstanceOf(AuthorizedGroupsPlugin.IndexedGroupsAuthorizationManager.class);
    }

    @Test
    void theIndexReadsTheSameGroupsAsCamundasStatementAndANewGroupAtOnce() {
        Set<String> before = groupsByCamundasStatement();
        // The realm's offices hold grants (AuthorizationSeeder), and user grants (no group) exist too.
        assertThat(before).contains(Groups.NRB).hasSizeGreaterThan(5);
        assertThat(jdbc.queryForObject("select count(*) from act_ru_authorization where group_id_ is null", Long.class))
                .isPositive();
        assertThat(groupsSeenByTheEngine()).isEqualTo(before);

        String group = "authorized-groups-it";
        assertThat(authorizations.isUserAuthorized("someone", List.of(group), Permissions.DELETE,
                Resources.TENANT, group)).isFalse();
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(Resources.TENANT);
        grant.setResourceId(group);
        grant.addPermission(Permissions.DELETE);
        authorizations.saveAuthorization(grant);
        try {
            assertThat(groupsSeenByTheEngine()).isEqualTo(groupsByCamundasStatement()).contains(group);
            // The check narrows the user's groups to those read above; a missing group would deny this.
            assertThat(authorizations.isUserAuthorized("someone", List.of(group, "no-such-group"), Permissions.DELETE,
                    Resources.TENANT, group)).isTrue();
        } finally {
            authorizations.deleteAuthorization(grant.getId());
        }
        assertThat(groupsSeenByTheEngine()).isEqualTo(before).doesNotContain(group);
    }
}
