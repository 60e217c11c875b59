package cn.gonggaigong.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gonggaigong.clock.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Models write time limits in working days ({@code 10个工作日}, {@code 3 working days}) beside ISO-8601: the
 * engine of the process tests has the working-day calendar plugin, as the application's has.
 */
class WorkingDayTimersProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestSupport.ENGINE_CONFIGURATION).build();

    private static final String PROCESS = "WorkingDayTimers";
    private String deployment;

    @BeforeEach
    void deploy() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Review").name("审查").camundaDueDate("10个工作日")
                .intermediateCatchEvent("Timer_Wait").timerWithDuration("3 working days")
                .userTask("Task_Iso").name("按日历日").camundaDueDate("P2D")
                .endEvent().done();
        deployment = engine().getRepositoryService().createDeployment().addModelInstance(PROCESS + ".bpmn", model).deploy().getId();
    }

    @AfterEach
    void undeploy() {
        ClockUtil.reset();
        engine().getRepositoryService().deleteDeployment(deployment, true);
    }

    /** Friday 26 September 2025: 10 working days end Thursday 16 October (National Day 1-8 October off, Sunday 28
     * September and Saturday 11 October worked); from Tuesday 30 September 3 working days end Saturday 11 October. */
    @Test
    void dueDatesAndTimersInWorkingDaysCrossTheNationalDayHoliday() {
        at("2025-09-26T10:00");
        String instance = engine().getRuntimeService().startProcessInstanceByKey(PROCESS).getId();
        Task review = engine().getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(review.getDueDate().toInstant()).isEqualTo(cst("2025-10-16T23:59:59"));

        at("2025-09-30T09:00");
        engine().getTaskService().complete(review.getId());
        Job timer = engine().getManagementService().createJobQuery().processInstanceId(instance).singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(cst("2025-10-11T23:59:59"));

        at("2025-10-12T08:00");
        engine().getManagementService().executeJob(timer.getId());
        Task iso = engine().getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(iso.getTaskDefinitionKey()).isEqualTo("Task_Iso");
        assertThat(iso.getDueDate().toInstant()).isEqualTo(cst("2025-10-14T08:00"));
    }

    private static ProcessEngine engine() {
        return extension.getProcessEngine();
    }

    private static void at(String chinaLocalTime) {
        ClockUtil.setCurrentTime(Date.from(cst(chinaLocalTime)));
    }

    private static Instant cst(String chinaLocalTime) {
        return LocalDateTime.parse(chinaLocalTime).atZone(WorkingDayCalendar.ZONE).toInstant();
    }
}
