package cn.gonggaigong.benchmark;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.Callable;

import cn.gonggaigong.security.IdentityMode;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;

/**
 * The product's own queries that P2 and P3 measure, called where their controllers call them (the service or
 * controller bean, so the access checks and mapping are included, HTTP and JSON are not), as the given user: the
 * Spring Security context of a request and Camunda's authentication, as the filters set them. Found by name, so the
 * benchmark also runs (and says "not measured") on a build without them.
 */
final class ProductProbes {

    static final String TASK_SERVICE = "cn.gonggaigong.task.TaskWorkService";
    static final String MONITOR_CONTROLLER = "cn.gonggaigong.monitor.MonitorController";
    static final String PROJECT_PAGE_SERVICE = "cn.gonggaigong.projectpage.ProjectPageService";
    static final String DONE_TASKS = "cn.gonggaigong.task.DoneTasks";
    static final String TASK_LIST_MISSING = "the task-list query of issue 4 (" + TASK_SERVICE + ", GET /api/tasks) is not in this build";
    /** Rows of the overdue list the dashboard page asks for (static/monitor/monitor.js: limit=200). */
    static final int OVERDUE_ROWS = 200;
    static final String DASHBOARD_MISSING = "the dashboard of issue 5 (" + MONITOR_CONTROLLER + ", /api/monitor/…) is not in this build";

    /** One call of a product query; returns a short description of what it returned. */
    interface Probe {
        Object call() throws Exception;
    }

    private ProductProbes() {
    }

    /** GET /api/tasks?page=0&size=50 of {@code user}: the first 50 rows with project context; null when absent. */
    static Probe taskList(ApplicationContext context, String user, List<String> groups) {
        Object service = bean(context, TASK_SERVICE);
        if (service == null) {
            return null;
        }
        Method list = method(service, "list", String.class, String.class, Boolean.class, String.class, int.class, int.class);
        return () -> as(context, user, groups, () -> {
            Object page = list.invoke(service, null, null, null, null, 0, 50);
            List<?> items = (List<?>) page.getClass().getMethod("items").invoke(page);
            Object total = page.getClass().getMethod("total").invoke(page);
            boolean capped = false;
            try {
                capped = Boolean.TRUE.equals(page.getClass().getMethod("totalCapped").invoke(page));
            } catch (NoSuchMethodException e) {
                // a build that counted every row
            }
            return items.size() + " of " + total + (capped ? "+" : "") + " rows";
        });
    }

    /**
     * The leading group's dashboard, {@code part}: phase-town-grade, overdue, league, trend, page (all four, as the page
     * loads them), or overdue:&lt;town code&gt; (the overdue list of one town).
     */
    /** Rows of the missed agreement deadlines the monitoring page asks for (monitor.js). */
    static final int BREACH_ROWS = 200;

    static Probe dashboard(ApplicationContext context, String user, List<String> groups, String part) {
        Object controller = bean(context, MONITOR_CONTROLLER);
        if (controller == null) {
            return null;
        }
        Method phaseTownGrade = method(controller, "phaseTownGrade");
        Method overdue = method(controller, "overdue", String.class, int.class, int.class);
        Method league = method(controller, "league");
        Method trend = method(controller, "trend", String.class, String.class);
        Method breaches = method(controller, "agreementBreaches", String.class, int.class);
        Method offices = method(controller, "offices", String.class);
        return () -> as(context, user, groups, () -> switch (part) {
            case "phase-town-grade" -> describe(phaseTownGrade.invoke(controller));
            case "overdue" -> describe(overdue.invoke(controller, null, 0, OVERDUE_ROWS));
            case "league" -> describe(league.invoke(controller));
            case "trend" -> describe(trend.invoke(controller, null, null));
            case "agreement-breaches" -> describe(breaches.invoke(controller, null, BREACH_ROWS));
            case "offices" -> describe(offices.invoke(controller, (Object) null));
            case "page" -> {
                phaseTownGrade.invoke(controller);
                overdue.invoke(controller, null, 0, OVERDUE_ROWS);
                breaches.invoke(controller, null, BREACH_ROWS);
                league.invoke(controller);
                offices.invoke(controller, (Object) null);
                yield describe(trend.invoke(controller, null, null));
            }
            // "overdue:<town code>": the overdue list of one town, as when a town is chosen on the page
            default -> describe(overdue.invoke(controller, part.substring("overdue:".length()), 0, OVERDUE_ROWS));
        });
    }

    /** GET /api/tasks/done of {@code user}: 我的已办's first page (20 rows) and its count. */
    static Probe doneList(ApplicationContext context, String user, List<String> groups) {
        Object service = bean(context, DONE_TASKS);
        if (service == null) {
            return null;
        }
        Method mine = method(service, "mine", String.class, int.class, int.class);
        return () -> as(context, user, groups, () -> describe(mine.invoke(service, null, 0, 20)));
    }

    /** GET /api/projects/{id}/overview of {@code user}: the project page (figures, timeline, open tasks, diagrams). */
    static Probe projectPage(ApplicationContext context, String user, List<String> groups, long projectId) {
        Object service = bean(context, PROJECT_PAGE_SERVICE);
        if (service == null) {
            return null;
        }
        Method overview = method(service, "overview", long.class);
        return () -> as(context, user, groups, () -> {
            Object page = overview.invoke(service, projectId);
            Object tasks = page.getClass().getMethod("openTasks").invoke(page);
            return (tasks instanceof List<?> list ? list.size() : "?") + " open tasks on the page";
        });
    }

    private static String describe(Object result) {
        if (result instanceof List<?> list) {
            return list.size() + " rows";
        }
        try { // a table of rows (the offices' timeliness)
            Object rows = result.getClass().getMethod("rows").invoke(result);
            if (rows instanceof List<?> list) {
                return list.size() + " rows";
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not a table: a page, below
        }
        try { // a page of a list (the overdue list): its rows of the total
            Object items = result.getClass().getMethod("items").invoke(result);
            Object total = result.getClass().getMethod("total").invoke(result);
            return (items instanceof List<?> list ? list.size() : "?") + " of " + total + " rows";
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "ok";
        }
    }

    static <T> T as(ApplicationContext context, String user, List<String> groups, Callable<T> call) throws Exception {
        IdentityService identity = context.getBean(IdentityService.class);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                groups.stream().map(g -> new SimpleGrantedAuthority(IdentityMode.GROUP_AUTHORITY_PREFIX + g)).toList()));
        identity.setAuthentication(user, groups);
        try {
            return call.call();
        } finally {
            identity.clearAuthentication();
            SecurityContextHolder.clearContext();
        }
    }

    private static Object bean(ApplicationContext context, String className) {
        if (!ClassUtils.isPresent(className, ProductProbes.class.getClassLoader())) {
            return null;
        }
        try {
            return context.getBean(ClassUtils.forName(className, ProductProbes.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static Method method(Object bean, String name, Class<?>... parameters) {
        try {
            return org.springframework.aop.support.AopUtils.getTargetClass(bean).getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(bean.getClass().getName() + " has no method " + name + " as the benchmark expects", e);
        }
    }
}
