package cn.gonggaigong.monitor;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The leading group's monitoring page: {@code /monitor/} is the template {@code pages/monitor.html} (PageController,
 * for the session's CSRF token of its 退出登录), its scripts and styles in {@code static/monitor/}; ECharts from the
 * WebJar at {@code /webjars/echarts/}. Logged-in users only, like every page
 * (SecurityConfiguration); the data behind it answers 403 to anyone but the leading group, its office, NRB, admins.
 */
@Configuration
public class MonitorPageConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/monitor", "/monitor/");
    }
}
