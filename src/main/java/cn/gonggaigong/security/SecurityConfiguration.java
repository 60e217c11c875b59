package cn.gonggaigong.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One filter chain for the whole application. Nobody is anonymous on /api/**, /engine-rest/** or the Camunda
 * webapps; the APIs answer 401 instead of redirecting to a login page. Who is logged in comes from the
 * {@link IdentityMode}; Camunda learns it from {@link CamundaIdentityFilter} (APIs) and the container-based
 * authentication of its webapps.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfiguration {

    static final RequestMatcher API = new OrRequestMatcher(
            AntPathRequestMatcher.antMatcher("/api/**"), AntPathRequestMatcher.antMatcher("/engine-rest/**"));

    /**
     * The webapps' own API, which Cockpit, Tasklist and Admin call from their pages and nobody opens as a page. Without
     * a login it answers 401, as the APIs do, and with no challenge: Tasklist then goes to its login form, and on to
     * the product's login (officer-view.js). A redirect to the login page reached Tasklist as a page it could not read
     * (加载筛选器时出错), and the HTTP Basic challenge would make a browser ask for a password in its own dialog.
     */
    static final RequestMatcher WEBAPP_API = AntPathRequestMatcher.antMatcher("/camunda/api/**");

    /**
     * What a login remembers to open after it (Spring Security's saved request): a page the browser opened, and not one
     * of the calls or files of an open page (the APIs, a webapp's scripts, styles and translations). Those were saved as
     * well when the session had ended: each created a session of its own, whose cookie, arriving while the login page
     * was open, replaced the login page's (its form then refused as expired, 登录页面已过期), and the last of them was
     * where the login led (a script, or JSON). Browsers name a page opened in the tab ({@code Sec-Fetch-Dest:
     * document}); a client that does not is taken at its word when it asks for HTML.
     */
    static RequestMatcher pagesOpened() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return request -> HttpMethod.GET.matches(request.getMethod()) && !API.matches(request) && !WEBAPP_API.matches(request)
                && (request.getHeader("Sec-Fetch-Dest") == null ? html.matches(request)
                        : "document".equals(request.getHeader("Sec-Fetch-Dest")));
    }

    /**
     * A request a page made for itself (a script's fetch, an image, a style; a browser names what it fetches for,
     * {@code Sec-Fetch-Dest}), not a page opened in the tab. Without a login it answers 401, not the login page: a
     * fetch follows the redirect, and the login page it got made a session of its own, whose cookie, arriving while the
     * officer's login page was open, replaced that page's (its form then refused as expired, 登录页面已过期; Tasklist
     * asks for /camunda-welcome that way when its session has ended).
     */
    static RequestMatcher fetchedByAPage() {
        return request -> {
            String destination = request.getHeader("Sec-Fetch-Dest");
            return destination != null && !"document".equals(destination);
        };
    }

    private static final Pattern JOB_PATH = engineApi("job");

    /**
     * Changes to jobs through Camunda's REST APIs (its own and the webapps'): due date, retries, running a job now,
     * suspension, priority. Camunda checks them against the job's process, but a refused run of a job still counts as
     * a failure of the job: three refused {@code POST /job/{id}/execute} would leave a warning timer with no retries,
     * an incident, and no warning. Only the administrators change jobs; listing them ({@code GET}, and the
     * {@code POST} forms of the job query and its count) stays with the engine's authorizations.
     */
    static final RequestMatcher JOB_CHANGES = request -> changeUnder(JOB_PATH, request)
            .filter(rest -> !(rest.isEmpty() || "/".equals(rest) || "/count".equals(rest))).isPresent();

    /** A resource's paths in either of Camunda's REST APIs (its own and the webapps'); group 1 is what follows it. */
    private static Pattern engineApi(String resource) {
        return Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/" + resource + "(/.*)?$");
    }

    /** A task's own path: the part after {@code /task}, e.g. {@code /t1/claim}. */
    private static final Pattern TASK_PATH = engineApi("task");

    /** What working on a task is, in Camunda's REST APIs: claiming, releasing, completing, handing back, commenting. */
    private static final Pattern TASK_WORK = Pattern.compile(
            "^/[^/]+/(claim|unclaim|complete|submit-form|resolve|comment/create)$");

    /**
     * Changes to a task through Camunda's REST APIs other than working on it: its variables (they reach the process:
     * a town's officer could move the project to another town or cut it from its project), its due date (the
     * statutory clock's, which the leading group watches), its assignee, candidates or delegate (anyone, where the
     * task page offers colleagues only), a BPMN error or escalation thrown from it, deleting it, files attached to it
     * (Camunda's own store of any size and kind, beside the project's attachments, which are checked). Camunda lets every
     * candidate do these (the default permission on a task is UPDATE); only the administrators may. Working on the
     * task ({@link #TASK_WORK}) and the task queries ({@code POST /task}, {@code /task/count}) stay with the engine's
     * authorizations and the product's checks ({@code CompletionGuard}).
     */
    static final RequestMatcher TASK_CHANGES = request -> changeUnder(TASK_PATH, request)
            .filter(rest -> !(rest.isEmpty() || "/".equals(rest) || "/count".equals(rest) || TASK_WORK.matcher(rest).matches()))
            .isPresent();

    private static final Pattern USER_PATH = engineApi("user");

    /**
     * Changes to users through Camunda's REST APIs but one's own password: Camunda lets every user change their own
     * profile and delete themselves (a new user is granted ALL on itself), so an officer could rename themselves
     * 局长 on every record they signed, or remove their account. Names and accounts are the administrators' (in
     * the Keycloak mode they are Keycloak's, which Camunda only reads); {@code PUT /user/{id}/credentials}, one's own
     * password with the current one, stays with Camunda's checks.
     */
    static final RequestMatcher USER_CHANGES = request -> changeUnder(USER_PATH, request)
            .filter(rest -> !rest.matches("^/[^/]+/credentials$")).isPresent();

    /** For a request that changes something ({@code POST}, {@code PUT}, {@code DELETE}…) on {@code path}: what follows it. */
    private static Optional<String> changeUnder(Pattern path, HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return Optional.empty();
        }
        Matcher matched = path.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        return matched.matches() ? Optional.of(matched.group(1) == null ? "" : matched.group(1)) : Optional.empty();
    }

    /** Compiled once: the logout filter asks {@link #CAMUNDA_LOGOUT} about every POST (a task completion among them). */
    private static final Pattern CAMUNDA_LOGOUT_PATH = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/logout$");

    /**
     * Camunda's own 注销 (Tasklist, Cockpit, Admin, the welcome page: {@code POST .../auth/user/{engine}/logout}).
     * Camunda alone would forget only its own record of the login, and its container-based authentication would log
     * the user in again from the session at the next request: it ends the session here, as the pages' 退出登录 does,
     * and answers 200 (the webapps then reload, and are asked to log in).
     */
    static final RequestMatcher CAMUNDA_LOGOUT = request -> "POST".equals(request.getMethod())
            && CAMUNDA_LOGOUT_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();

    /** The embedded mode's login form (LoginController's page), posted with the CSRF token of the session it came in. */
    static final RequestMatcher LOGIN_FORM = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

    /** The login page's address that says the page had expired ({@link #expiredLoginPage}). */
    private static final String LOGIN_EXPIRED = "/login?expired";

    /**
     * A login page left open until its session ended (the session timeout, or a restart of the application) posts a
     * CSRF token no session knows: not the error page (无法处理该请求, nothing about why), but the login page again,
     * saying it had expired, with a new token. Anything else refused there is refused as before.
     */
    static AccessDeniedHandler expiredLoginPage() {
        AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            if (denied instanceof CsrfException) {
                response.sendRedirect(request.getContextPath() + LOGIN_EXPIRED);
            } else {
                otherwise.handle(request, response, denied);
            }
        };
    }

    /** The pages' 退出登录 (the header's form). */
    public static final RequestMatcher PAGE_LOGOUT = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout");

    static final String USER_REFUSED = "只有系统管理员可以修改用户的姓名、邮箱或账号：这些信息由管理员统一维护（修改本人密码不受此限）";
    static final String JOB_REFUSED = "只有系统管理员可以修改定时作业（到期时间、重试次数、立即执行）：预警和升级由系统按法定期限自动进行";
    static final String TASK_REFUSED = "只有系统管理员可以修改任务的变量、期限、办理人或候选单位：办理任务请认领后填写表单并完成，"
            + "转办、委派请在任务页面进行";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The refusal in the error format of Camunda's REST API (what Tasklist and Cockpit show), with the reason. */
    private static AccessDeniedHandler adminsOnly(String reason) {
        return (request, response, denied) -> {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(JSON.writeValueAsString(Map.of("type", "AuthorizationException", "message", reason)));
        };
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, IdentityMode identityMode,
                                            IdentityService identityService) throws Exception {
        // The pages' 退出登录 asks for no CSRF token either: posted from a page older than its session (left open past
        // the timeout, or the session since replaced by a login in another tab), it was refused with the error page,
        // and the officer was left unsure whether they had logged out. Another site cannot log anyone out with it:
        // its POST does not carry the session cookie (SameSite=Lax, application.yaml).
        http.csrf(csrf -> csrf.ignoringRequestMatchers(API, AntPathRequestMatcher.antMatcher("/camunda/**"), PAGE_LOGOUT))
                .authorizeHttpRequests(requests -> requests
                        // The pages' script and style bundles (static/assets) hold no data: the login page needs them.
                        .requestMatchers("/login", "/error", "/favicon.ico", "/assets/**").permitAll()
                        .requestMatchers(JOB_CHANGES).hasAuthority(IdentityMode.GROUP_AUTHORITY_PREFIX + Groups.ADMINS)
                        .requestMatchers(TASK_CHANGES).hasAuthority(IdentityMode.GROUP_AUTHORITY_PREFIX + Groups.ADMINS)
                        .requestMatchers(USER_CHANGES).hasAuthority(IdentityMode.GROUP_AUTHORITY_PREFIX + Groups.ADMINS)
                        .anyRequest().authenticated())
                .requestCache(cache -> cache.requestCache(savedPages()))
                .exceptionHandling(errors -> errors
                        // 401 with no challenge (no browser password dialog, no redirect a script cannot read),
                        // and a body that says it: Spring Boot's error answer, 请先登录 (ChineseErrorAttributes).
                        .defaultAuthenticationEntryPointFor((request, response, refused) ->
                                        response.sendError(HttpStatus.UNAUTHORIZED.value()),
                                new OrRequestMatcher(API, WEBAPP_API, fetchedByAPage()))
                        .defaultAccessDeniedHandlerFor(expiredLoginPage(), LOGIN_FORM)
                        .defaultAccessDeniedHandlerFor(adminsOnly(JOB_REFUSED), JOB_CHANGES)
                        .defaultAccessDeniedHandlerFor(adminsOnly(TASK_REFUSED), TASK_CHANGES)
                        .defaultAccessDeniedHandlerFor(adminsOnly(USER_REFUSED), USER_CHANGES))
                .logout(logout -> logout
                        .logoutRequestMatcher(new OrRequestMatcher(PAGE_LOGOUT, CAMUNDA_LOGOUT))
                        .defaultLogoutSuccessHandlerFor(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK),
                                CAMUNDA_LOGOUT));
        identityMode.configure(http);
        http.addFilterAfter(new CamundaIdentityFilter(identityService, API), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * The page asked for before the login, opened after it as it was asked for: without Spring Security's
     * {@code ?continue} marker (its default since 6), which showed in the address bar and in every link copied from it.
     */
    private static HttpSessionRequestCache savedPages() {
        HttpSessionRequestCache savedPages = new HttpSessionRequestCache();
        savedPages.setRequestMatcher(pagesOpened());
        savedPages.setMatchingRequestParameterName(null);
        return savedPages;
    }

    /** Logs the Spring Security user into the Camunda webapps (Cockpit, Tasklist, Admin): no second login. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider",
                SpringSecurityWebappAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(101);
        return registration;
    }
}
