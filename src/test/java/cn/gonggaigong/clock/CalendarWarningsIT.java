package cn.gonggaigong.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;

import javax.sql.DataSource;

import cn.gonggaigong.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A deadline counted through a year without holiday data is kept for the administrators once the step that counted
 * it commits, without holding that year's row locked while the step runs (every step creating a task due in that
 * year would wait for it), and not at all when the step rolls back; after the year's first, a node writes the row
 * once a minute at most, with what it counted in between.
 */
class CalendarWarningsIT extends ApplicationTestSupport {

    private static final int YEAR = 2037;

    @Autowired
    CalendarWarningSink sink;
    @Autowired
    CalendarWarnings warnings;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;

    private void countDeadlineIn2037() {
        sink.incomplete(calendar.deadline(LocalDate.of(YEAR, 6, 1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant(), 10),
                "日历提示测试");
    }

    private Integer occurrences() {
        return jdbc.query("select occurrences from calendar_warning where year = ?",
                rs -> rs.next() ? rs.getInt(1) : null, YEAR);
    }

    /** From a connection of its own: can the year's row be locked right now? */
    private boolean rowFree() throws Exception {
        try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
            statement.execute("set lock_timeout = '200ms'");
            try (ResultSet rs = statement.executeQuery("select year from calendar_warning where year = " + YEAR + " for update")) {
                return rs.next();
            } catch (java.sql.SQLException locked) {
                assertThat(locked.getSQLState()).isEqualTo("55P03"); // lock_not_available
                return false;
            }
        }
    }

    @Test
    void theYearsRowIsWrittenAfterTheCommitInAShortTransactionOfItsOwnOnceAMinuteAtMost() throws Exception {
        assertThat(calendar.hasDataFor(YEAR)).isFalse();
        assertThat(occurrences()).isNull();
        countDeadlineIn2037(); // outside a transaction, and the year's first: written at once
        assertThat(occurrences()).isEqualTo(1);

        TransactionTemplate step = new TransactionTemplate(transactions);
        step.executeWithoutResult(status -> {
            countDeadlineIn2037();
            try {
                assertThat(rowFree()).as("the year's row is not locked while the step runs").isTrue();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // Within the minute: counted, not written yet (one more transaction and log line per step otherwise).
        for (int i = 0; i < 4; i++) {
            countDeadlineIn2037();
        }
        assertThat(occurrences()).isEqualTo(1);

        step.executeWithoutResult(status -> {
            countDeadlineIn2037();
            status.setRollbackOnly();
        });
        warnings.flush();
        assertThat(occurrences()).as("the five committed since, nothing from the step that rolled back").isEqualTo(6);
        warnings.flush();
        assertThat(occurrences()).as("nothing counted twice").isEqualTo(6);
    }
}
