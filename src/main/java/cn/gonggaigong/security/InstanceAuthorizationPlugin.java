package cn.gonggaigong.security;

import cn.gonggaigong.platform.ParseListeners;
import cn.gonggaigong.process.ProjectLifecycleProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Whenever a process instance about a project starts (the lifecycle and each phase it calls), lets the project's
 * town and its applicant read that instance and its history. Their tasks they get from Camunda as candidates or
 * assignees. Runs for every deployed model, so no model can forget it.
 */
@Component
public class InstanceAuthorizationPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableHistoricInstancePermissions(true);
        ExecutionListener grant = InstanceAuthorizationPlugin::grantReaders;
        ParseListeners.add(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.addListener(ExecutionListener.EVENTNAME_START, grant);
            }
        });
    }

    static void grantReaders(DelegateExecution execution) {
        if (!execution.getId().equals(execution.getProcessInstanceId())) {
            return;
        }
        AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
        Object townGroup = execution.getVariable(ProjectLifecycleProcess.Var.TOWN_GROUP);
        Object applicant = execution.getVariable(ProjectLifecycleProcess.Var.APPLICANT);
        // The engine's own grant, not the rights of whoever completed the step that started this instance; and
        // not that person's operation either, so nothing in the user operation log (6 rows per grant, FULL
        // history) says they created it. Grants made by hand, in Camunda Admin or its REST API, are still logged.
        // (Camunda's executeWithOperationLogPrevented would switch the log back on even where it was off before.)
        CommandContext context = Context.getCommandContext();
        boolean logged = context.isUserOperationLogEnabled();
        context.disableUserOperationLog();
        try {
            context.runWithoutAuthorization(() -> {
                if (townGroup instanceof String group && !group.isBlank()) {
                    grant(authorizations, execution.getProcessInstanceId(), group, null);
                }
                if (applicant instanceof String user && !user.isBlank()) {
                    grant(authorizations, execution.getProcessInstanceId(), null, user);
                }
                return null;
            });
        } finally {
            if (logged) {
                context.enableUserOperationLog();
            }
        }
    }

    private static void grant(AuthorizationService authorizations, String instanceId, String group, String user) {
        Authorization runtime = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        runtime.setResource(Resources.PROCESS_INSTANCE);
        runtime.setResourceId(instanceId);
        runtime.addPermission(ProcessInstancePermissions.READ);
        Authorization history = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        history.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
        history.setResourceId(instanceId);
        history.addPermission(HistoricProcessInstancePermissions.READ);
        for (Authorization a : new Authorization[]{runtime, history}) {
            if (group != null) {
                a.setGroupId(group);
            } else {
                a.setUserId(user);
            }
            authorizations.saveAuthorization(a);
        }
    }
}
