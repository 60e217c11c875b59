package cn.gonggaigong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import cn.gonggaigong.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Flyway V34: Camunda's job acquisition finds the locked jobs of its exclusive-job check through our partial index
 * instead of reading the whole job table (BENCHMARKS.md, P4, has what that bought).
 */
class JobAcquisitionIndexIT extends ApplicationTestSupport {

    /**
     * Camunda 7.24's acquisition statement on PostgreSQL ({@code selectNextJobsToExecute} of its Job mapping, with the
     * job executor's settings of this application: no ordering, not deployment-aware, due date may be null).
     */
    static final String ACQUISITION = """
            select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_ from ACT_RU_JOB RES
            where (RES.RETRIES_ > 0) and ( RES.DUEDATE_ is null or RES.DUEDATE_ <= now()::timestamp )
              and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < now()::timestamp) and RES.SUSPENSION_STATE_ = 1
              and ( ( RES.EXCLUSIVE_ = true and not exists( select J2.ID_ from ACT_RU_JOB J2
                      where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ and (J2.EXCLUSIVE_ = true)
                        and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= now()::timestamp) ) )
                    or RES.EXCLUSIVE_ = false )
            LIMIT 3""";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void theLockedJobsIndexExists() {
        assertThat(jdbc.queryForList("select indexdef from pg_indexes where indexname = 'ggg_idx_act_ru_job_locked'",
                String.class)).singleElement().asString()
                .contains("act_ru_job", "(lock_exp_time_)", "WHERE (lock_owner_ IS NOT NULL)");
    }

    /**
     * The plan's in-progress check reads the index. The test database is small, so a sequential scan would be as
     * cheap here; with sequential scans discouraged the plan shows that the index answers the statement's condition
     * (a changed condition or index would leave PostgreSQL no choice but the table).
     */
    @Test
    void theAcquisitionsInProgressCheckUsesIt() {
        String plan = planWithoutSeqScans(dataSource, ACQUISITION);
        assertThat(plan).as("a sub-plan for the locked jobs").contains("SubPlan");
        assertThat(plan.substring(plan.indexOf("SubPlan"))).as(plan).contains("ggg_idx_act_ru_job_locked").doesNotContain("Seq Scan");
    }
}
