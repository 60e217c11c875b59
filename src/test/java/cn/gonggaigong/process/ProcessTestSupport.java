package cn.gonggaigong.process;

import cn.gonggaigong.acceptance.SubsidyAssessment;
import cn.gonggaigong.land.LandPriceAssessment;
import cn.gonggaigong.scheme.RuleCheck;
import cn.gonggaigong.scheme.SchemeFigures;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;

import java.util.HashMap;
import java.util.Map;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

/**
 * Registers the application's process glue for the in-memory engine of the process tests. Delegates whose
 * engine-side work is pure (figures, rule checks, land price, subsidy) run the production code; those that only
 * write business tables (JPA) are replaced by no-ops here and covered by the application's integration tests.
 */
final class ProcessTestSupport {

    /** The in-memory engine of the process tests (not camunda.cfg.xml, which the application would pick up too). */
    static final String ENGINE_CONFIGURATION = "process-test.camunda.cfg.xml";
    static final String TOWN = "town-zhanlong";
    static final String APPLICANT = "applicant-demo";

    private ProcessTestSupport() {
    }

    static void registerGlue() {
        Mocks.reset();
        ExecutionListener noListener = execution -> { };
        JavaDelegate noDelegate = execution -> { };
        Mocks.register("phaseRecorder", noListener);
        Mocks.register("projectStatusRecorder", noListener);
        Mocks.register("annualPlanRegistration", noDelegate);
        Mocks.register("annualPlanPublisher", noDelegate);
        Mocks.register("renovationUnitMembership", noDelegate);
        Mocks.register("unitPlanPublisher", noDelegate);
        Mocks.register("schemeApprovalRecorder", noDelegate);
        Mocks.register("agreementRecorder", noDelegate);
        Mocks.register("schemeRecorder", (JavaDelegate) execution -> SchemeFigures.from(execution).applyTo(execution));
        Mocks.register("ruleCheckRecorder", (JavaDelegate) execution -> RuleCheck.fromDecisions(execution).applyTo(execution));
        Mocks.register("landPriceRecorder", (JavaDelegate) LandPriceAssessment::applyTo);
        Mocks.register("subsidyRecorder", (JavaDelegate) SubsidyAssessment::applyTo);
    }

    static Map<String, Object> vars(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The one open task with this definition key in any process instance. */
    static Task openTask(String taskDefinitionKey) {
        return taskService().createTaskQuery().taskDefinitionKey(taskDefinitionKey).singleResult();
    }

    static void completeOpenTask(String taskDefinitionKey, Object... keysAndValues) {
        Task task = openTask(taskDefinitionKey);
        if (task == null) {
            throw new AssertionError("没有待办任务 " + taskDefinitionKey);
        }
        taskService().complete(task.getId(), vars(keysAndValues));
    }
}
