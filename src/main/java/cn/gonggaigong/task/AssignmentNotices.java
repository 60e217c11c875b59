package cn.gonggaigong.task;

import cn.gonggaigong.escalation.Notices;
import cn.gonggaigong.escalation.WarningMailer;
import cn.gonggaigong.platform.ParseListeners;
import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.project.Project;
import cn.gonggaigong.project.ProjectRepository;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.DelegationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells a user in their 消息 (and by e-mail where configured) when a task becomes theirs by anyone's doing but their
 * own: a task the model assigns to them (the applicant's 补充权属证明材料, 整改验收问题, 缴纳土地出让价款, signing), a
 * task a colleague hands them (转办, 委派, or an administrator's 指派 in Tasklist), and a delegated task handed back
 * (交回). A task they take themselves (签收) tells no one. Before, a task assigned to a user reached them only in
 * their task list: the applicant, who has no office to watch a queue, did not learn that the town wanted more.
 * <p>
 * Added to every user task as its models are parsed, on the engine's {@code assignment} event, which comes after
 * {@code create} for a task created with an assignee. A task may give the notice a line of its own with the
 * extension property {@value #DETAIL_PROPERTY}, an expression on its variables (需补充或更正的权属材料：${titleDefects}).
 * The notice links to the task and its project ({@link Notices#toAssignee}).
 */
@Component
public class AssignmentNotices extends AbstractProcessEnginePlugin {

    public static final String DETAIL_PROPERTY = "assignmentNotice";

    private static final Logger LOG = LoggerFactory.getLogger(AssignmentNotices.class);
    /** {@link TaskEntity#getTaskState()} of a task not changed since it was created. */
    private static final String CREATED = "Created";

    private final ObjectProvider<ProjectRepository> projects;
    private final ObjectProvider<WarningMailer> mailer;

    public AssignmentNotices(ObjectProvider<ProjectRepository> projects, ObjectProvider<WarningMailer> mailer) {
        this.projects = projects;
        this.mailer = mailer;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.add(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    String detail = detailProperty(userTask);
                    Expression expression = detail == null ? null
                            : configuration.getExpressionManager().createExpression(detail);
                    TaskListener listener = task -> assigned(task, expression);
                    behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
                }
            }
        });
    }

    /** The value of the user task's {@code camunda:property} {@value #DETAIL_PROPERTY}, or null. */
    static String detailProperty(Element userTask) {
        Element extensions = userTask.element("extensionElements");
        Element properties = extensions == null ? null
                : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return null;
        }
        return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
                .filter(p -> DETAIL_PROPERTY.equals(p.attribute("name")))
                .map(p -> p.attribute("value"))
                .findFirst().orElse(null);
    }

    private void assigned(DelegateTask delegateTask, Expression detail) {
        if (!(delegateTask instanceof TaskEntity task)) {
            return; // the engine gives its task entity; nothing else has a delegation state to read
        }
        String assignee = task.getAssignee();
        CommandContext context = Context.getCommandContext();
        String by = context.getAuthenticatedUserId();
        boolean created = CREATED.equals(task.getTaskState());
        if (assignee == null || (!created && assignee.equals(by))) {
            return; // given up, or taken by the user themselves (签收)
        }
        Project project = project(task);
        String projectText = project == null ? "" : project.describe();
        String what = projectText + (project == null ? "" : "的") + "「" + task.getName() + "」";
        String title;
        String body;
        if (created) {
            title = "【待办】" + task.getName();
            body = projectText + "有一项待您办理的事项：" + task.getName() + "。" + detail(task, detail);
        } else if (task.getDelegationState() == DelegationState.PENDING && task.getOwner() != null
                && !assignee.equals(task.getOwner())) {
            title = "【委派】" + task.getName();
            body = name(context, task.getOwner()) + "将" + what + "委派给您办理，办理完毕后请交回。";
        } else if (task.getDelegationState() == DelegationState.RESOLVED && assignee.equals(task.getOwner())) {
            title = "【交回】" + task.getName();
            // Without a user: handed back by the system, the delegate having left (DepartedClaimants).
            body = by == null ? "受委派人已不在本单位（离职或调岗），系统已将" + what + "交回您办理，请继续办理。"
                    : name(context, by) + "已办理完毕" + what + "并交回，请审核后提交。";
        } else {
            title = "【转交】" + task.getName();
            body = (by == null ? "系统" : name(context, by)) + "将" + what + "交由您办理。"
                    + transferReason(context, task.getId(), by).map(why -> "转办理由：" + why + "。").orElse("");
        }
        Long projectId = project == null ? null : project.getId();
        List<Long> told = context.runWithoutAuthorization(
                () -> Notices.toAssignee(context, assignee, task.getId(), projectId, title, body));
        mailer.getObject().afterCommit(context, told);
    }

    /**
     * The reason of a 转办 ({@link TaskWorkService#transfer}): its comment, which the transfer writes just before it
     * hands the task on, is the task's newest, by the same user, of this minute. Empty for a 指派 in Tasklist.
     */
    private static java.util.Optional<String> transferReason(CommandContext context, String taskId, String by) {
        if (by == null) {
            return java.util.Optional.empty();
        }
        java.util.Date recent = new java.util.Date(ClockUtil.getCurrentTime().getTime() - 60_000);
        return context.runWithoutAuthorization(() -> context.getCommentManager().findCommentsByTaskId(taskId)).stream()
                .filter(c -> c.getTime() != null).max(java.util.Comparator.comparing(Comment::getTime))
                .filter(c -> by.equals(c.getUserId()) && !c.getTime().before(recent))
                .flatMap(c -> TaskWorkService.transferReason(c.getFullMessage()));
    }

    /** The project the task belongs to, or null for a task of the annual plan or a renovation unit. */
    private Project project(DelegateTask task) {
        return task.getVariable(ProjectLifecycleProcess.Var.PROJECT_ID) instanceof Number id
                ? projects.getObject().findById(id.longValue()).orElse(null) : null;
    }

    /** The task's own line ({@value #DETAIL_PROPERTY}), ending in 。; empty where it has none or it cannot be read. */
    private static String detail(DelegateTask task, Expression detail) {
        if (detail == null) {
            return "";
        }
        try {
            Object value = detail.getValue(task);
            String text = value == null ? "" : value.toString().trim();
            return text.isEmpty() || text.endsWith("。") ? text : text + "。";
        } catch (ProcessEngineException e) {
            LOG.warn("任务 {}（{}）的待办通知说明无法生成，通知中省略：{}", task.getId(), task.getName(), e.getMessage());
            return "";
        }
    }

    /** How people read a user (family name first), or the id where there is no such user. */
    private static String name(CommandContext context, String userId) {
        User user = context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider().findUserById(userId));
        return user == null ? userId : UserDirectory.name(user);
    }
}
