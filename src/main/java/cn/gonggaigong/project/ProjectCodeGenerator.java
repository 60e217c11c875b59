package cn.gonggaigong.project;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out project codes {@code GGG-<year>-<number>}, numbered from 1 each year. The counter row is updated in
 * the caller's transaction: concurrent applications wait for each other's commit, and a refused or failed
 * application gives its number back.
 */
@Component
public class ProjectCodeGenerator {

    static final String PREFIX = "GGG";

    private final JdbcTemplate jdbc;

    public ProjectCodeGenerator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(int year) {
        Integer number = jdbc.queryForObject("""
                insert into project_code_counter (code_year, last_number) values (?, 1)
                on conflict (code_year) do update set last_number = project_code_counter.last_number + 1
                returning last_number""", Integer.class, year);
        return String.format("%s-%d-%04d", PREFIX, year, number);
    }
}
