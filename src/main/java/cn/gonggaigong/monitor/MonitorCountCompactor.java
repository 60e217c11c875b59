package cn.gonggaigong.monitor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Folds the dashboard's count changes ({@code monitor_count_delta}, appended by the triggers of V32) into
 * {@code monitor_count} every minute, so a figure sums a few hundred rows however long the system has run. The
 * figures are exact without it (they add the changes not yet folded in); on several nodes one folds at a time
 * (an advisory lock in {@code monitor_compact()}), the others skip that minute.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class MonitorCountCompactor {

    private static final Logger log = LoggerFactory.getLogger(MonitorCountCompactor.class);

    private final JdbcTemplate jdbc;

    public MonitorCountCompactor(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(initialDelayString = "${ggg.monitor.compact-interval:PT1M}", fixedDelayString = "${ggg.monitor.compact-interval:PT1M}")
    public void compact() {
        try {
            Integer moved = jdbc.queryForObject("select monitor_compact()", Integer.class);
            log.debug("Dashboard counts: {} changes folded in", moved);
        } catch (RuntimeException e) {
            // The figures stay exact without folding; the next minute tries again.
            log.warn("Could not fold the dashboard's count changes in: {}", e.getMessage());
        }
    }
}
