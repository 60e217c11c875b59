package cn.gonggaigong.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbReadOnlyIdentityServiceProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A warning's recipients read from Camunda's identity tables in one statement are the users Camunda's own user
 * query gives (the way any other identity provider is still asked), in the same order, with their e-mail addresses;
 * and a membership counts as soon as it is committed (nothing is cached).
 */
class RecipientsTest {

    private static ProcessEngine engine;
    private static ProcessEngineConfigurationImpl configuration;

    @BeforeAll
    static void engineAndPeople() {
        engine = ClockTestEngines.engine("recipients-test", List.of());
        configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        IdentityService identity = engine.getIdentityService();
        group(identity, "rcp-town");
        group(identity, "rcp-office");
        group(identity, "rcp-leaders");
        group(identity, "rcp-empty");
        // Ids deliberately not in the order of creation: members come by user id within each group.
        user(identity, "rcp-town-b", "b@demo.invalid", "rcp-town");
        user(identity, "rcp-town-a", null, "rcp-town");
        user(identity, "rcp-office-1", "office@demo.invalid", "rcp-office");
        user(identity, "rcp-both", "both@demo.invalid", "rcp-office", "rcp-leaders");
        user(identity, "rcp-leader", "leader@demo.invalid", "rcp-leaders");
        user(identity, "rcp-lonely", "lonely@demo.invalid");
    }

    @Test
    void theTablesGiveWhatCamundasUserQueryGives() {
        assertSame(List.of("rcp-town"), "rcp-town", null,
                "rcp-town-a", "rcp-town-b");
        // RED: the office and the leading group's office; ESCALATED: a user in two groups once, at their first group.
        assertSame(List.of("rcp-town", "rcp-office"), "rcp-town", null,
                "rcp-town-a", "rcp-town-b", "rcp-both", "rcp-office-1");
        assertSame(List.of("rcp-town", "rcp-leaders", "rcp-office"), "rcp-town", null,
                "rcp-town-a", "rcp-town-b", "rcp-both", "rcp-leader", "rcp-office-1");
        // An assignee outside the groups comes after the members; one inside them is not repeated.
        assertSame(List.of("rcp-town", "rcp-office"), "rcp-town", "rcp-lonely",
                "rcp-town-a", "rcp-town-b", "rcp-both", "rcp-office-1", "rcp-lonely");
        assertSame(List.of("rcp-town"), "rcp-town", "rcp-town-b",
                "rcp-town-a", "rcp-town-b");
        // A task without candidate group: its responsible is its assignee, a user.
        assertSame(List.of("rcp-lonely", "rcp-office"), "rcp-lonely", "rcp-lonely",
                "rcp-both", "rcp-office-1", "rcp-lonely");
        // A responsible group without members, and no such user: nobody of it.
        assertSame(List.of("rcp-empty", "rcp-office"), "rcp-empty", null,
                "rcp-both", "rcp-office-1");
        assertSame(List.of("rcp-empty"), "rcp-empty", "nobody-of-that-name");
        // A responsible user id that is also a group with members: the group's members, not the user.
        assertSame(List.of("rcp-town"), "rcp-town", "rcp-lonely",
                "rcp-town-a", "rcp-town-b", "rcp-lonely");
    }

    @Test
    void theApplicationsEngineReadsTheTablesAndEmailsComeAlong() {
        Map<String, Recipients.Recipient> found = configuration.getCommandExecutorTxRequired().execute(context -> {
            assertThat(context.getReadOnlyIdentityProvider()).isInstanceOf(DbReadOnlyIdentityServiceProvider.class);
            return Recipients.of(context, List.of("rcp-town", "rcp-office"), "rcp-town", null);
        });
        assertThat(found.values()).containsExactly(
                new Recipients.Recipient("rcp-town-a", null),
                new Recipients.Recipient("rcp-town-b", "b@demo.invalid"),
                new Recipients.Recipient("rcp-both", "both@demo.invalid"),
                new Recipients.Recipient("rcp-office-1", "office@demo.invalid"));
    }

    @Test
    void aMembershipCountsFromItsCommitOnNothingIsKept() {
        IdentityService identity = engine.getIdentityService();
        user(identity, "rcp-newcomer", "new@demo.invalid");
        try {
            assertThat(recipientsOfEmptyGroup()).isEmpty();
            identity.createMembership("rcp-newcomer", "rcp-empty");
            assertThat(recipientsOfEmptyGroup()).containsOnlyKeys("rcp-newcomer");
            identity.deleteMembership("rcp-newcomer", "rcp-empty");
            assertThat(recipientsOfEmptyGroup()).isEmpty();
        } finally {
            identity.deleteMembership("rcp-newcomer", "rcp-empty");
            identity.deleteUser("rcp-newcomer");
        }
    }

    private static Map<String, Recipients.Recipient> recipientsOfEmptyGroup() {
        return configuration.getCommandExecutorTxRequired().execute(context ->
                Recipients.of(context, List.of("rcp-empty"), "rcp-empty", null));
    }

    private static void assertSame(List<String> groups, String responsible, String assignee, String... expected) {
        Map<String, Recipients.Recipient> tables = configuration.getCommandExecutorTxRequired().execute(context ->
                Recipients.fromTables(context, groups, responsible, assignee));
        Map<String, Recipients.Recipient> query = configuration.getCommandExecutorTxRequired().execute(context ->
                Recipients.fromProvider(context, context.getReadOnlyIdentityProvider(), groups, responsible, assignee));
        assertThat(List.copyOf(tables.keySet())).as("recipients of %s, %s, %s", groups, responsible, assignee)
                .containsExactly(expected);
        assertThat(List.copyOf(tables.values())).isEqualTo(List.copyOf(query.values()));
    }

    private static void group(IdentityService identity, String id) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            identity.saveGroup(identity.newGroup(id));
        }
    }

    private static void user(IdentityService identity, String id, String email, String... groups) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setEmail(email);
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
    }
}
