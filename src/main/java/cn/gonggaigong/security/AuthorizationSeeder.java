package cn.gonggaigong.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The standing Camunda authorizations of the offices (the same in both identity modes). Everything about a single
 * project comes per instance ({@link InstanceAuthorizationPlugin}) or per task (Camunda grants candidate groups
 * and assignees their task): a town sees only its own projects' work. The overseers read everything and may
 * work on nothing that is not assigned to them.
 */
@Component
public class AuthorizationSeeder {

    static final List<String> APPLICATIONS_FOR_ALL = List.of("tasklist", "welcome");
    static final String OFFICE_FILTER = "本部门任务";
    static final String MINE_FILTER = "我的任务";
    static final List<String> COCKPIT_GROUPS = List.of(Groups.NRB, Groups.LEADING_GROUP, Groups.LEADING_GROUP_OFFICE);

    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService taskService;
    private final String tasklistFilter;

    public AuthorizationSeeder(AuthorizationService authorizations, FilterService filters,
                               TaskService taskService,
                               @Value("${camunda.bpm.filter.create:}") String tasklistFilter) {
        this.authorizations = authorizations;
        this.filters = filters;
        this.taskService = taskService;
        this.tasklistFilter = tasklistFilter;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    // One transaction: all grants or none, one commit instead of one per grant.
    @org.springframework.transaction.annotation.Transactional
    public void seed() {
        for (String app : APPLICATIONS_FOR_ALL) {
            grantAll(Resources.APPLICATION, app, Permissions.ACCESS);
        }
        for (String group : COCKPIT_GROUPS) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        }
        // Tasklist lists tasks through a filter: without READ on it an officer's Tasklist says "No filter available"
        // and lists nothing. A filter's query runs under the officer's own authorizations.
        for (Filter filter : tasklistFilters()) {
            grantAll(Resources.FILTER, filter.getId(), Permissions.READ);
        }
        grantAll(Resources.PROCESS_DEFINITION, Authorization.ANY, ProcessDefinitionPermissions.READ);
        grantAll(Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
        for (String overseer : Groups.OVERSEERS) {
            grant(overseer, Resources.PROCESS_DEFINITION, Authorization.ANY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                    ProcessDefinitionPermissions.READ_HISTORY);
            grant(overseer, Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.READ);
            grant(overseer, Resources.TASK, Authorization.ANY, TaskPermissions.READ);
            grant(overseer, Resources.HISTORIC_PROCESS_INSTANCE, Authorization.ANY, HistoricProcessInstancePermissions.READ);
            grant(overseer, Resources.HISTORIC_TASK, Authorization.ANY, HistoricTaskPermissions.READ);
        }
        for (Resources resource : Resources.values()) {
            grant(Groups.ADMINS, resource, Authorization.ANY, Permissions.ALL);
        }
    }

    /**
     * Tasklist's filters, first the one it opens with (the lowest priority): 本部门任务, the tasks of the user's offices
     * (their candidate groups) and those they hold; 我的任务, those they hold; then the starter's 全部任务
     * ({@code camunda.bpm.filter.create}), every task they may read. Before, 全部任务 was the only one, and the
     * overseers (NRB, the leading group), who may read every task, found the towns' tasks they cannot claim mixed
     * into their own office's queue. Made once; a filter an administrator changed is left as it is.
     */
    private List<Filter> tasklistFilters() {
        List<Filter> made = new ArrayList<>();
        made.add(filter(OFFICE_FILTER, -10, "本部门可办理的任务，以及本人已认领的任务",
                () -> taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks()));
        made.add(filter(MINE_FILTER, -5, "本人已认领或指派给本人的任务",
                () -> taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
        if (!tasklistFilter.isBlank()) {
            Filter all = filters.createFilterQuery().filterName(tasklistFilter).singleResult();
            if (all != null) {
                if (all.getProperties() == null || !all.getProperties().containsKey("priority")) {
                    all.setProperties(properties(10, "有权查看的全部任务，含只能查看、不能办理的其他单位任务"));
                    filters.saveFilter(all);
                }
                made.add(all);
            }
        }
        return made;
    }

    private Filter filter(String name, int priority, String description,
                          Supplier<TaskQuery> query) {
        Filter existing = filters.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            return existing;
        }
        Filter filter = filters.newTaskFilter(name).setQuery(query.get()).setProperties(properties(priority, description));
        return filters.saveFilter(filter);
    }

    private static Map<String, Object> properties(int priority, String description) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("priority", priority);
        properties.put("description", description);
        properties.put("refresh", true);
        return properties;
    }

    /** The ACCESS to an application for every user ("*"). */
    private void grantAll(Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().userIdIn(Authorization.ANY)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        saveWith(authorization, existing == null, permissions);
    }

    /**
     * Grants the permissions to a group, adding them to the group's authorization for the resource when it exists
     * (a group may be named by several rules, e.g. the administrators are overseers too, and a new release may add
     * a permission to an existing installation).
     */
    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        saveWith(authorization, existing == null, permissions);
    }

    private void saveWith(Authorization authorization, boolean isNew, Permission... permissions) {
        boolean changed = isNew;
        for (Permission p : permissions) {
            if (!authorization.isPermissionGranted(p)) {
                authorization.addPermission(p);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
