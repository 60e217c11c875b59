package cn.gonggaigong.process;

import cn.gonggaigong.acceptance.SubsidyAssessment;
import cn.gonggaigong.agreement.AgreementClock;
import cn.gonggaigong.agreement.AgreementMilestoneRepository;
import cn.gonggaigong.land.LandPriceAssessment;
import cn.gonggaigong.scheme.RuleCheck;
import cn.gonggaigong.scheme.SchemeRevisionAssignment;
import cn.gonggaigong.scheme.SchemeFigures;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mockito.Mockito;

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

    /**
     * The monitoring agreement's milestones as the supervision model reads them ({@code agreementClock}, the
     * production code over this repository): none unless a test stubs them.
     */
    static final AgreementMilestoneRepository MILESTONES = Mockito.mock(AgreementMilestoneRepository.class);
    /** The breaches and explanations the model recorded ({@code agreementBreaches}: "breach:term", "explanation:term"). */
    static final List<String> BREACH_RECORDS = new ArrayList<>();

    private ProcessTestSupport() {
    }

    /** Stands in for the JPA-writing {@code agreementBreaches}: notes what the model asked it to record. */
    public static final class RecordedBreaches {
        public void recordBreach(DelegateExecution execution, String term) {
            BREACH_RECORDS.add("breach:" + term);
            execution.setVariableLocal("breachedMilestone", term);
        }

        public void recordExplanation(DelegateExecution execution, String term) {
            BREACH_RECORDS.add("explanation:" + term);
        }
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
        Mocks.register("compensationVoteDeadline", new CompensationVoteDeadline());
        Mocks.register("voteExpiryRecorder", noListener);
        Mocks.register("agreementRecorder", noDelegate);
        Mockito.reset(MILESTONES);
        BREACH_RECORDS.clear();
        Mocks.register("agreementClock", new AgreementClock(MILESTONES));
        Mocks.register("agreementBreaches", new RecordedBreaches());
        Mocks.register("agreementProgress", noListener);
        Mocks.register("progressReportRounds", new cn.gonggaigong.agreement.ProgressReportRounds(null));
        Mocks.register("surveyRecorder", noListener);
        Mocks.register("schemeRecorder", (JavaDelegate) execution -> SchemeFigures.from(execution).applyTo(execution));
        Mocks.register("schemeRevisionAssignment", new SchemeRevisionAssignment());
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
