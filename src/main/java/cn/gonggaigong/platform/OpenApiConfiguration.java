package cn.gonggaigong.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the application's own APIs (springdoc): /v3/api-docs and /swagger-ui.html, both
 * behind the login like everything else. HTTP Basic in the embedded identity mode, bearer tokens with Keycloak.
 */
@Configuration
public class OpenApiConfiguration {

    @Bean
    OpenAPI gongGaiGongApi() {
        return new OpenAPI()
                .info(new Info().title("普宁市“工改工”项目审批 API").version("0.1.0")
                        .description("项目申请、部门待办、任务办理、项目页面、会议决定、附件材料。错误格式："
                                + "{\"status\":400,\"message\":\"…\",\"errors\":[{\"field\":\"…\",\"reason\":\"…\"}]}"))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
