package cn.gonggaigong.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;

import cn.gonggaigong.monitor.Grade;
import org.junit.jupiter.api.Test;

/** 项目台账's 当前办理事项: a project's open tasks in words, from the task lists' rows (one per task and party). */
class ProjectLedgerTest {

    private static final Map<String, String> NAMES = Map.of("town-zhanlong", "占陇镇", "nrb", "市自然资源局",
            "fgj", "市发展和改革局", "zjj", "市住房和城乡建设局", "zhanlong1", "经办员甲");

    @Test
    void eachTaskWithItsOfficesAndSeveralOfOneNameCounted() {
        ProjectLedger.Collected project = new ProjectLedger.Collected(1, "applicant1");
        Instant soon = Instant.parse("2026-12-10T09:00:00Z");
        project.add("t1", "出具部门意见", "g:fgj", soon);
        project.add("t2", "出具部门意见", "g:zjj", soon.plusSeconds(60));
        project.add("t3", "汇总部门意见", "g:nrb", soon.plusSeconds(3600));
        project.add("t3", "汇总部门意见", "u:nrb-clerk", soon.plusSeconds(3600)); // signed for: still NRB's

        ProjectLedger.OpenWork work = project.toWork(NAMES);
        assertThat(work.tasks()).isEqualTo("出具部门意见（2项）；汇总部门意见（市自然资源局）");
        assertThat(work.earliestDue()).isEqualTo(LocalDateTime.of(2026, 12, 10, 17, 0)); // Beijing time
        assertThat(work.grade()).isEqualTo(Grade.YELLOW);
        assertThat(project.offices()).containsExactlyInAnyOrder("fgj", "zjj", "nrb");
    }

    @Test
    void theApplicantsOwnTaskIsTheApplicantsAndATaskOfOnePersonNamesThem() {
        ProjectLedger.Collected signing = new ProjectLedger.Collected(0, "applicant1");
        signing.add("t1", "签订监管协议", "u:applicant1", null);
        assertThat(signing.toWork(NAMES).tasks()).isEqualTo("签订监管协议（申请人）");
        assertThat(signing.toWork(NAMES).earliestDue()).isNull();
        assertThat(signing.offices()).isEmpty();

        ProjectLedger.Collected personal = new ProjectLedger.Collected(0, "applicant1");
        personal.add("t2", "核实改造意愿", "u:zhanlong1", null);
        assertThat(personal.offices()).containsExactly("zhanlong1");
        assertThat(personal.toWork(NAMES).tasks()).isEqualTo("核实改造意愿（经办员甲）");

        assertThat(new ProjectLedger.Collected(0, "applicant1").toWork(NAMES).tasks()).isNull();
    }
}
