-- The statutory clock (限时办结). Time limits are DATA: settings a city changes (UPDATE task_time_limit ...), not
-- policy. The measures of Puning (seed 004) give almost no time limit for a single step, so every number below
-- is a default chosen to be plausible, except where a comment cites an article.

-- Time limit per user task (task definition key), in Chinese working days. The row '*' holds the defaults for
-- every task without a row of its own and for every column left null. clock: whose time a task is:
--   OFFICE    the office that holds the project works; judged against the limit, warned and escalated;
--   APPLICANT the applicant (改造主体) works (补正, signing, paying): counted as the applicant's time;
--   OUTSIDE   neither: a public notice period (公示) or the prefecture (揭阳市): counted as outside time.
-- Null clock: the applicant as assignee -> APPLICANT, a prefecture-* group -> OUTSIDE, else OFFICE.
-- Grades (thresholds in working days): YELLOW when yellow_before_days are left, RED at the deadline, ESCALATED
-- (to the leading group) escalate_after_days after the deadline.
create table task_time_limit (
    task_definition_key  varchar(100) primary key,
    task_name            varchar(200) not null,
    working_days         integer      check (working_days > 0),
    yellow_before_days   integer      check (yellow_before_days >= 0),
    escalate_after_days  integer      check (escalate_after_days >= 0),
    clock                varchar(16)  check (clock in ('OFFICE', 'APPLICANT', 'OUTSIDE')),
    note                 text,
    updated_at           timestamptz  not null default now()
);

insert into task_time_limit (task_definition_key, task_name, working_days, yellow_before_days, escalate_after_days, clock, note) values
('*', '默认值（未单独设定的任务）', 10, 2, 3, null, '默认设置，非政策规定；各市可按需修改'),
-- ProjectIntake
('Task_SurveyWillingness', '摸查改造意愿', 15, null, null, null, '默认设置'),
('Task_SurveyBaseData', '调查基础数据', 15, null, null, null, '默认设置'),
('Task_PublishBaseData', '公示基础数据', 7, null, null, 'OUTSIDE', '公示期不计入办理时限（默认7个工作日，按当地公示规定调整）'),
('Task_ConfirmFastTrack', '确认随报随审', 5, null, null, null, '默认设置'),
-- AnnualPlan
('Task_CompileAnnualPlan', '编制年度实施计划', 20, null, null, null, '默认设置'),
('Task_ApproveAnnualPlan', '审批年度实施计划', 15, null, null, null, '默认设置'),
-- SubjectConfirmation
('Task_VerifyTitleDocuments', '核验权属证明材料', 10, null, null, null, '默认设置'),
('Task_SignCooperationAgreement', '签订项目改造协议', 20, null, null, 'APPLICANT', '改造主体用时'),
('Task_ConfirmPerformanceBond', '确认第一笔履约保证金', 5, null, null, null, '默认设置'),
('Task_CoordinateOwners', '组织多个权利主体协商', 30, null, null, null, '默认设置'),
('Task_VerifyRightsTransfer', '核验权益转移', 10, null, null, null, '默认设置'),
('Task_NegotiateUnifiedAgreement', '组织签署统一改造协议', 30, null, null, null, '默认设置'),
('Task_ConfirmSubject', '出具改造主体确认', 5, null, null, null, '默认设置'),
-- UnitPlanning, RenovationUnit
('Task_AssignRenovationUnit', '划定或选择改造单元', 10, null, null, null, '默认设置'),
('Task_CompileUnitPlan', '编制单元详细规划', 40, null, null, null, '默认设置'),
('Task_ApproveUnitPlan', '审批单元详细规划', 20, null, null, null, '默认设置'),
-- SchemeCompilation, DepartmentConsultation, CommitteeReview, GovernmentApproval
('Task_CompileScheme', '编制改造方案', 30, null, null, null, '默认设置'),
('Task_GiveDepartmentOpinion', '出具部门意见', 5, null, null, null, '默认设置'),
('Task_SummariseOpinions', '汇总部门意见', 5, null, null, null, '默认设置'),
('Task_ReviewScheme', '审议改造方案', 20, null, null, null, '默认设置'),
('Task_DecideMajorMatter', '决策重大事项', 20, null, null, null, '默认设置'),
('Task_ApproveScheme', '审批改造方案', 15, null, null, null, '默认设置'),
('Task_FileWithPrefectureNrb', '备案改造方案', 20, null, null, 'OUTSIDE', '揭阳市自然资源局办理，计入外部用时'),
('Task_ApproveHistoricalLand', '审批完善历史用地手续', 30, null, null, 'OUTSIDE', '揭阳市人民政府办理，计入外部用时'),
-- CompensationVote: Art. 12(2): the vote within 1 year of the scheme's approval (the model's timer enforces the
-- year itself; 245 working days is about one year).
('Task_RecordCompensationVote', '组织表决补偿安置方案', 245, 20, 5, null, '第十二条第二项：改造方案批复之日起1年内完成表决（约245个工作日）'),
('Task_ReviseCompensationPlan', '修改补偿安置方案', 30, null, null, null, '默认设置'),
-- MonitoringAgreement
('Task_DraftMonitoringAgreement', '拟定实施监管协议', 10, null, null, null, '默认设置'),
('Task_SignAgreementAsSubject', '改造主体签署监管协议', 10, null, null, 'APPLICANT', '改造主体用时'),
('Task_SignAgreementAsGovernment', '市政府签署监管协议', 10, null, null, null, '默认设置'),
-- LandManagement
('Task_DetermineLandCase', '确定用地情形与供地方式', 10, null, null, null, '默认设置'),
('Task_ApproveLandUse', '办理用地报批', 30, null, null, null, '默认设置'),
('Task_SupplyLand', '供应土地并签订出让合同', 30, null, null, null, '默认设置'),
('Task_PayLandPrice', '缴纳土地出让价款', 20, null, null, 'APPLICANT', '改造主体用时'),
('Task_RegisterLandRights', '办理不动产登记', 10, null, null, null, '默认设置'),
-- ImplementationSupervision (a progress report each month: the model's P1M timer)
('Task_ReportProgress', '报送实施进展', 10, null, null, null, '默认设置'),
-- CompletionAcceptance
('Task_ApplyForAcceptance', '申请竣工验收', 20, null, null, 'APPLICANT', '改造主体用时'),
('Task_InspectCompletion', '组织竣工验收', 20, null, null, null, '默认设置'),
('Task_RectifyDefects', '整改验收问题', 30, null, null, 'APPLICANT', '改造主体整改（补正）用时'),
('Task_DisburseSubsidy', '拨付改造建设补贴', 20, null, null, null, '默认设置'),
-- TransitionPeriod
('Task_AssessTransitionPeriod', '认定过渡期政策', 10, null, null, null, '默认设置'),
('Task_HandleTransitionExpiry', '办理过渡期满手续', 20, null, null, null, '默认设置');

-- One row per user task: whose clock it runs on, its limit, due date, and at its end the working days it took.
-- An office task's limit is extended by the working days an APPLICANT/OUTSIDE task of the same project ran while
-- it was open (paused_working_days), so a wait on someone outside the office is never counted against it.
create table task_clock (
    task_id                  varchar(64)  primary key,
    task_definition_key      varchar(100) not null,
    task_name                varchar(200),
    process_instance_id      varchar(64)  not null,
    root_process_instance_id varchar(64)  not null,
    project_id               bigint       references project (id),
    town_code                varchar(40)  references town (code),
    responsible_group        varchar(64)  not null,
    clock                    varchar(16)  not null check (clock in ('OFFICE', 'APPLICANT', 'OUTSIDE')),
    limit_working_days       integer,
    yellow_before_days       integer      not null,
    escalate_after_days      integer      not null,
    started_at               timestamptz  not null,
    due_at                   timestamptz,
    paused_working_days      integer      not null default 0,
    ended_at                 timestamptz,
    ended_reason             varchar(20)  check (ended_reason in ('COMPLETED', 'DELETED')),
    working_days_used        integer
);
create index task_clock_open_by_root on task_clock (root_process_instance_id) where ended_at is null;
create index task_clock_project on task_clock (project_id);

-- Per project: working days of the office, of the applicant and outside (ended tasks).
create view project_clock_time as
select project_id,
       coalesce(sum(working_days_used) filter (where clock = 'OFFICE'), 0)    as office_working_days,
       coalesce(sum(working_days_used) filter (where clock = 'APPLICANT'), 0) as applicant_working_days,
       coalesce(sum(working_days_used) filter (where clock = 'OUTSIDE'), 0)   as outside_working_days
from task_clock
where project_id is not null and ended_at is not null
group by project_id;

-- Deadlines counted through a year without holiday data (weekends only): what an administrator must fix.
create table calendar_warning (
    year          integer     primary key,
    message       text        not null,
    example       varchar(200),
    first_seen_at timestamptz not null,
    last_seen_at  timestamptz not null,
    occurrences   integer     not null default 1
);
