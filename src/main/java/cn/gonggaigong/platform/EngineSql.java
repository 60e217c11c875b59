package cn.gonggaigong.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Plain SQL on the engine's own connection of the current command, so that our rows (clocks, warnings,
 * notifications, the league's counts) commit or roll back with the engine's work: a node that dies in the middle of a timer job
 * leaves nothing behind, and the job runs again elsewhere. In the application that connection is the Spring
 * transaction's; with a standalone engine it is the engine's.
 */
public final class EngineSql {

    private final Connection connection;

    public EngineSql(CommandContext context) {
        this.connection = context.getDbSqlSession().getSqlSession().getConnection();
    }

    public int update(String sql, Object... params) {
        try (PreparedStatement statement = prepare(sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new ProcessEngineException("SQL failed: " + sql, e);
        }
    }

    public List<Map<String, Object>> query(String sql, Object... params) {
        try (PreparedStatement statement = prepare(sql, params); ResultSet rs = statement.executeQuery()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new ProcessEngineException("SQL failed: " + sql, e);
        }
    }

    public Map<String, Object> one(String sql, Object... params) {
        List<Map<String, Object>> rows = query(sql, params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof String[] values) {
                statement.setArray(i + 1, connection.createArrayOf("varchar", values));
            } else {
                statement.setObject(i + 1, p instanceof Instant instant ? Timestamp.from(instant) : p);
            }
        }
        return statement;
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + value);
    }

    public static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
