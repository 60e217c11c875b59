package cn.gonggaigong.escalation;

import cn.gonggaigong.platform.EngineSql;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.identity.db.DbReadOnlyIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Who a warning notifies: the members of its groups (in the groups' order, each group's members by user id, each
 * user once), then the task's assignee, and the responsible party itself when it is a user rather than a group
 * with members (a task without candidate group). Read in the current engine command, nothing cached: a membership
 * counts from its commit on.
 * <p>
 * With Camunda's own identity tables (the embedded default) this is one statement on the command's connection.
 * Camunda's user query ({@code memberOfGroup}) gives the same users, but built its dynamic SQL and mapped its rows
 * for every group of every warning: a fifth of an escalation's CPU in a profile of P4 (BENCHMARKS.md). Any other
 * identity provider (Keycloak's plugin) is asked through its own user query, as before.
 */
final class Recipients {

    /** A user to notify and their e-mail address (null when they have none). */
    record Recipient(String userId, String email) {
    }

    private Recipients() {
    }

    /**
     * @param groups      the groups to notify, the responsible one first
     * @param responsible the task's office (a group, or a user when the task has no candidate group)
     * @param assignee    the task's assignee, or null
     */
    static Map<String, Recipient> of(CommandContext context, List<String> groups, String responsible, String assignee) {
        ReadOnlyIdentityProvider provider = context.getReadOnlyIdentityProvider();
        return provider instanceof DbReadOnlyIdentityServiceProvider
                ? fromTables(context, groups, responsible, assignee)
                : fromProvider(context, provider, groups, responsible, assignee);
    }

    /** From Camunda's identity tables, in one statement. */
    static Map<String, Recipient> fromTables(CommandContext context, List<String> groups, String responsible, String assignee) {
        Set<String> users = new LinkedHashSet<>();
        if (assignee != null) {
            users.add(assignee);
        }
        users.add(responsible); // counted only when the responsible is not a group with members (below)
        String prefix = context.getProcessEngineConfiguration().getDatabaseTablePrefix();
        // Members of each group first (ord = the group's place), then the single users (ord after the groups).
        String sql = """
                select g.ord, u.id_, u.email_
                  from unnest(?) with ordinality as g(group_id, ord)
                  join %1$sACT_ID_MEMBERSHIP m on m.group_id_ = g.group_id
                  join %1$sACT_ID_USER u on u.id_ = m.user_id_
                union all
                select ? + s.ord, u.id_, u.email_
                  from unnest(?) with ordinality as s(user_id, ord)
                  join %1$sACT_ID_USER u on u.id_ = s.user_id
                order by 1, 2""".formatted(prefix);
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        boolean responsibleHasMembers = false;
        for (Map<String, Object> row : new EngineSql(context).query(sql, groups.toArray(String[]::new), (long) groups.size(),
                users.toArray(String[]::new))) {
            long ord = ((Number) row.get("ord")).longValue();
            String userId = (String) row.get("id_");
            Recipient recipient = new Recipient(userId, (String) row.get("email_"));
            if (ord <= groups.size()) {
                responsibleHasMembers |= groups.get((int) ord - 1).equals(responsible);
                recipients.putIfAbsent(userId, recipient);
            } else if (userId.equals(assignee) || (userId.equals(responsible) && !responsibleHasMembers)) {
                recipients.putIfAbsent(userId, recipient);
            }
        }
        return recipients;
    }

    /** Through the identity provider's user query (Keycloak's plugin); authorization checks off for the lookup. */
    static Map<String, Recipient> fromProvider(CommandContext context, ReadOnlyIdentityProvider provider, List<String> groups,
                                               String responsible, String assignee) {
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        boolean authorization = context.isAuthorizationCheckEnabled();
        context.disableAuthorizationCheck();
        try {
            Set<String> userIds = new LinkedHashSet<>();
            if (assignee != null) {
                userIds.add(assignee);
            }
            for (String group : groups) {
                List<User> members = provider.createUserQuery(context).memberOfGroup(group).orderByUserId().asc().list();
                if (members.isEmpty() && group.equals(responsible)) {
                    userIds.add(responsible);
                }
                members.forEach(u -> recipients.putIfAbsent(u.getId(), new Recipient(u.getId(), u.getEmail())));
            }
            for (String userId : userIds) {
                if (!recipients.containsKey(userId)) {
                    User user = provider.findUserById(userId);
                    if (user != null) {
                        recipients.put(user.getId(), new Recipient(user.getId(), user.getEmail()));
                    }
                }
            }
        } finally {
            context.setAuthorizationCheckEnabled(authorization);
        }
        return recipients;
    }
}
