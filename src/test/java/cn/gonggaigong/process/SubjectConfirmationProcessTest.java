package cn.gonggaigong.process;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static cn.gonggaigong.process.ProcessTestSupport.APPLICANT;
import static cn.gonggaigong.process.ProcessTestSupport.TOWN;
import static cn.gonggaigong.process.ProcessTestSupport.vars;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/** Art. 11: the ways a renovation subject (改造主体) is confirmed. */
@Deployment(resources = "processes/SubjectConfirmation.bpmn")
class SubjectConfirmationProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestSupport.ENGINE_CONFIGURATION)
            .assertClassCoverageAtLeast(0.9).build();

    @BeforeEach
    void glue() {
        ProcessTestSupport.registerGlue();
    }

    private ProcessInstance start(String mode, String ownership, boolean governmentSubject) {
        return runtimeService().startProcessInstanceByKey("SubjectConfirmation", vars("projectId", 41L, "townGroup", TOWN,
                "applicant", APPLICANT, "renovationMode", mode, "ownership", ownership, "governmentSubject", governmentSubject));
    }

    private void nrbConfirmsTheSubject(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("Task_ConfirmSubject");
        assertThat(task(pi)).hasCandidateGroup("nrb");
        complete(task(pi), withVariables("subjectName", "普宁市某纺织有限公司", "documentNumber", "普自然资改确〔2026〕3号"));
        assertThat(pi).isEnded().hasPassed("EndEvent_SubjectConfirmed");
    }

    @Test
    void selfRenovationIsConfirmedByTitleDocuments() {
        ProcessInstance pi = start("SELF", "SINGLE", false);
        assertThat(pi).isWaitingAt("Task_VerifyTitleDocuments");
        assertThat(task(pi)).hasCandidateGroup(TOWN);
        complete(task(pi), withVariables("titleCertificateNumbers", "粤(2019)普宁市不动产权第0012345号", "titleVerified", true));
        nrbConfirmsTheSubject(pi);
    }

    @Test
    void cooperationNeedsTheAgreementAndTheFirstPerformanceBond() {
        ProcessInstance pi = start("COOPERATION", "SINGLE", false);
        assertThat(pi).isWaitingAt("Task_SignCooperationAgreement");
        assertThat(task(pi)).isAssignedTo(APPLICANT);
        complete(task(pi), withVariables("agreementNumber", "HZ-2026-01", "partnerName", "某产业园开发公司", "signedDate", "2026-05-01"));
        assertThat(pi).isWaitingAt("Task_ConfirmPerformanceBond");
        assertThat(task(pi)).hasCandidateGroup("nrb");
        complete(task(pi), withVariables("bondAmount", 500000.0, "bondPaidDate", "2026-05-10", "receiptNumber", "BZJ-0001"));
        nrbConfirmsTheSubject(pi);
    }

    @Test
    void severalOwnersTransferTheirRightsToOneSubject() {
        ProcessInstance pi = start("SELF", "SEVERAL_OWNERS", false);
        assertThat(pi).isWaitingAt("Task_CoordinateOwners");
        assertThat(task(pi)).hasCandidateGroup(TOWN);
        complete(task(pi), withVariables("consolidationMethod", "TRANSFER", "ownerCount", 3L));
        assertThat(pi).isWaitingAt("Task_VerifyRightsTransfer");
        complete(task(pi), withVariables("transferCertificateNumbers", "ZY-1,ZY-2", "transferVerified", true));
        nrbConfirmsTheSubject(pi);
    }

    @Test
    void severalOwnersSignAUnifiedAgreementNegotiatedByTheTown() {
        ProcessInstance pi = start("SELF", "SEVERAL_OWNERS", false);
        complete(task(pi), withVariables("consolidationMethod", "UNIFIED_AGREEMENT", "ownerCount", 4L));
        assertThat(pi).isWaitingAt("Task_NegotiateUnifiedAgreement");
        assertThat(task(pi)).hasCandidateGroup(TOWN);
        complete(task(pi), withVariables("agreementNumber", "TY-2026-02", "signedDate", "2026-06-01", "allOwnersSigned", true));
        nrbConfirmsTheSubject(pi);
    }

    @Test
    void titleDocumentsThatDoNotPassGoBackToTheApplicantAndThenToTheTownAgain() {
        ProcessInstance pi = start("SELF", "SINGLE", false);
        complete(task(pi), withVariables("titleCertificateNumbers", "粤(2019)普宁市不动产权第0012345号", "titleVerified", false,
                "titleDefects", "缺少厂房的房屋所有权证明"));
        assertThat(pi).isWaitingAt("Task_SupplementTitleDocuments").hasNotPassed("Task_ConfirmSubject");
        assertThat(task(pi)).isAssignedTo(APPLICANT);
        assertThat(pi).variables().containsEntry("titleDefects", "缺少厂房的房屋所有权证明");
        complete(task(pi), withVariables("titleCertificateNumbers", "粤(2019)普宁市不动产权第0012345号,粤(2026)普宁市不动产权第0000077号",
                "supplementNote", "补充厂房不动产权证书"));
        assertThat(pi).isWaitingAt("Task_VerifyTitleDocuments");
        assertThat(task(pi)).hasCandidateGroup(TOWN);
        complete(task(pi), withVariables("titleVerified", true));
        // Once accepted, the old request for more documents is not carried on.
        assertThat(pi).variables().doesNotContainKey("titleDefects");
        nrbConfirmsTheSubject(pi);
    }

    @Test
    void aTransferNotVerifiedGoesBackToTheTownsNegotiation() {
        ProcessInstance pi = start("SELF", "SEVERAL_OWNERS", false);
        complete(task(pi), withVariables("consolidationMethod", "TRANSFER", "ownerCount", 3L));
        complete(task(pi), withVariables("transferCertificateNumbers", "ZY-1", "transferVerified", false));
        assertThat(pi).isWaitingAt("Task_CoordinateOwners").hasNotPassed("Task_ConfirmSubject");
        complete(task(pi), withVariables("consolidationMethod", "UNIFIED_AGREEMENT", "ownerCount", 3L));
        assertThat(pi).isWaitingAt("Task_NegotiateUnifiedAgreement");
        complete(task(pi), withVariables("agreementNumber", "TY-2026-03", "signedDate", "2026-06-01", "allOwnersSigned", true));
        nrbConfirmsTheSubject(pi);
    }

    @Test
    void withoutEveryOwnersSignatureTheTownNegotiatesOn() {
        // Art. 11(2)4: the joint subject is formed once all have signed the unified agreement.
        ProcessInstance pi = start("SELF", "SEVERAL_OWNERS", false);
        complete(task(pi), withVariables("consolidationMethod", "UNIFIED_AGREEMENT", "ownerCount", 4L));
        complete(task(pi), withVariables("agreementNumber", "TY-2026-04", "signedDate", "2026-06-01", "allOwnersSigned", false));
        assertThat(pi).isWaitingAt("Task_CoordinateOwners").hasNotPassed("Task_ConfirmSubject");
        complete(task(pi), withVariables("consolidationMethod", "UNIFIED_AGREEMENT", "ownerCount", 4L));
        complete(task(pi), withVariables("agreementNumber", "TY-2026-04", "signedDate", "2026-07-01", "allOwnersSigned", true));
        nrbConfirmsTheSubject(pi);
    }

    @Test
    void governmentAsSubjectNeedsNoConfirmation() {
        ProcessInstance pi = start("GOVERNMENT_STORAGE", "SINGLE", true);
        assertThat(pi).isEnded().hasPassed("EndEvent_SubjectConfirmed").hasNotPassed("Task_ConfirmSubject");
    }
}
