package cn.gonggaigong.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import cn.gonggaigong.platform.EngineSessions;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Before an authorization check Camunda narrows the user's groups to those that hold any authorization at all, and
 * it reads them once per command with {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION} over the whole
 * table. Every project adds grants of its own (the instance readers of {@link InstanceAuthorizationPlugin}, about
 * 30 rows per project), so at 100,000 projects that is a scan of 3.2 million rows, about 0.55 s on the benchmark
 * machine, in every task completion, every authorized task query and every Tasklist call.
 * <p>
 * On PostgreSQL this reads the same distinct values by walking Camunda's index on {@code GROUP_ID_}, one index probe
 * per distinct group (a loose index scan; PostgreSQL has no skip scan of its own), about 1 ms at that size. Same
 * result, same transaction; on other databases Camunda's own statement runs.
 */
@Component
public class AuthorizedGroupsPlugin extends AbstractProcessEnginePlugin {

    /** The distinct non-null group ids of the authorization table, by its index on GROUP_ID_ ({@code %s}: prefix). */
    static final String DISTINCT_GROUPS = """
            with recursive g(id) as (
              (select group_id_ from %1$sACT_RU_AUTHORIZATION where group_id_ is not null order by group_id_ limit 1)
              union all
              select (select a.group_id_ from %1$sACT_RU_AUTHORIZATION a where a.group_id_ > g.id
                      order by a.group_id_ limit 1)
              from g where g.id is not null
            )
            select id from g where id is not null""";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Registered after Camunda's own factories, so this one replaces the AuthorizationManager's.
        EngineSessions.register(configuration, AuthorizationManager.class, IndexedGroupsAuthorizationManager::new);
    }

    /** Camunda's AuthorizationManager, reading the authorized groups through the index on PostgreSQL. */
    static final class IndexedGroupsAuthorizationManager extends AuthorizationManager {

        @Override
        protected Set<String> getAllGroups() {
            if (availableAuthorizedGroupIds == null) {
                ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
                if (!DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
                    return super.getAllGroups();
                }
                availableAuthorizedGroupIds = distinctGroups(getDbSqlSession().getSqlSession().getConnection(),
                        configuration.getDatabaseTablePrefix());
            }
            return availableAuthorizedGroupIds;
        }
    }

    /** The groups that hold authorizations, read through the index on {@code connection}. */
    public static Set<String> distinctGroups(Connection connection, String tablePrefix) {
        String sql = DISTINCT_GROUPS.formatted(tablePrefix == null ? "" : tablePrefix);
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            Set<String> groups = new HashSet<>();
            while (rs.next()) {
                groups.add(rs.getString(1));
            }
            return groups;
        } catch (SQLException e) {
            throw new ProcessEngineException("Reading the groups that hold authorizations failed", e);
        }
    }
}
