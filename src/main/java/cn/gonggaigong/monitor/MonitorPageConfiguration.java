package cn.gonggaigong.monitor;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The leading group's monitoring page: {@code /monitor/} serves {@code static/monitor/index.html} (its scripts and
 * styles beside it; ECharts from the WebJar at {@code /webjars/echarts/}). Logged-in users only, like every page
 * (SecurityConfiguration); the data behind it answers 403 to anyone but the leading group, its office, NRB, admins.
 */
@Configuration
public class MonitorPageConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/monitor", "/monitor/");
        registry.addViewController("/monitor/").setViewName("forward:/monitor/index.html");
    }
}
