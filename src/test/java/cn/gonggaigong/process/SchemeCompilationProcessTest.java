package cn.gonggaigong.process;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static cn.gonggaigong.process.ProcessTestSupport.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

/** Art. 12(1): a scheme that breaks Art. 7 or Art. 10 comes back with the rule and the figures named. */
@Deployment(resources = {"processes/SchemeCompilation.bpmn", "processes/GuidedIndustry.dmn",
        "processes/PlanningIndicators.dmn", "processes/MicroRenovationThresholds.dmn"})
class SchemeCompilationProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestSupport.ENGINE_CONFIGURATION)
            .assertClassCoverageAtLeast(0.9).build();

    @BeforeEach
    void glue() {
        ProcessTestSupport.registerGlue();
    }

    static Map<String, Object> scheme(double totalFloorArea, String industry) {
        return vars("landAreaSqm", 20000.0, "totalFloorArea", totalFloorArea, "officeLivingFloorArea", 4000.0,
                "rdTestingFloorArea", 3000.0, "separateFacilityLandArea", 0.0, "existingFloorArea", 18000.0,
                "renovatedFloorArea", 0.0, "renovationBudget", 80000000.0, "industryCategory", industry,
                "involvesDemolition", true, "heritageImpact", false, "investment", 150000000.0);
    }

    private ProcessInstance start(String renovationType) {
        return runtimeService().startProcessInstanceByKey("SchemeCompilation", vars("projectId", 51L, "renovationType", renovationType));
    }

    @Test
    void compliantSchemeIsCompiled() {
        ProcessInstance pi = start("FULL");
        assertThat(pi).isWaitingAt("Task_CompileScheme");
        assertThat(task(pi)).hasCandidateGroup("nrb");

        complete(task(pi), scheme(62000.0, "ELECTRONICS"));

        assertThat(pi).isEnded().hasPassed("Task_CheckPlanningIndicators", "Task_CheckMicroRenovation", "EndEvent_SchemeCompiled");
        assertThat(pi).variables().containsEntry("schemeCompliant", true).containsEntry("priorityIndustry", true);
    }

    @Test
    void farBelowThreeForAPriorityIndustryIsReturnedWithTheRuleAndTheFigures() {
        ProcessInstance pi = start("FULL");

        complete(task(pi), scheme(50000.0, "BIOMEDICINE"));

        assertThat(pi).isWaitingAt("Task_CompileScheme");
        assertThat(pi).variables().containsEntry("schemeCompliant", false);
        String text = (String) runtimeService().getVariable(pi.getId(), "ruleViolationText");
        assertThat(text).isEqualTo("改造方案不符合以下规定，请修改后重新提交：\n1. 第七条：引入优先或重点发展产业及新兴产业的项目"
                + "改造后容积率原则上不低于3.0（限值 3，本方案 2.50）");

        complete(task(pi), scheme(60000.0, "BIOMEDICINE"));
        assertThat(pi).isEnded();
    }

    @Test
    void aSchemeThatBrokeTheRulesGoesBackToTheOfficerWhoCompiledIt() {
        ProcessInstance pi = start("FULL");
        assertThat(task(pi)).isNotAssigned();

        identityService().setAuthenticatedUserId("nrb-clerk2");
        try {
            complete(task(pi), scheme(50000.0, "BIOMEDICINE"));
        } finally {
            identityService().clearAuthentication();
        }

        assertThat(pi).isWaitingAt("Task_CompileScheme");
        assertThat(task(pi)).isAssignedTo("nrb-clerk2").hasCandidateGroupAssociated("nrb");
        complete(task(pi), scheme(60000.0, "BIOMEDICINE"));
        assertThat(pi).isEnded();
    }

    @Test
    void microRenovationBelowTheThresholdsIsReturned() {
        ProcessInstance pi = start("MICRO");
        Map<String, Object> micro = scheme(20000.0, "OTHER");
        micro.put("renovatedFloorArea", 880.0);
        micro.put("renovationBudget", 999999.0);

        complete(task(pi), micro);

        assertThat(pi).isWaitingAt("Task_CompileScheme");
        String text = (String) runtimeService().getVariable(pi.getId(), "ruleViolationText");
        // Percentages and amounts with their unit; the rule codes are for the records, not for NRB's clerk.
        assertThat(text).contains("第十条：微改造实施改造的总建筑面积占原有总建筑面积的比例原则上不低于5%（限值 5%，本方案 4.89%）")
                .contains("第十条：微改造改造工程概算不少于100万元(不含土地出让金)（限值 1,000,000 元，本方案 999,999 元）")
                .doesNotContain("ART10");
    }
}
