package cn.gonggaigong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * 工改工项目全流程审批: the Camunda 7 engine, its web applications (Cockpit, Tasklist, Admin) and the
 * business data of renovation projects in one Spring Boot application.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GongGaiGongApplication {

    public static void main(String[] args) {
        SpringApplication.run(GongGaiGongApplication.class, args);
    }
}
