package cn.gonggaigong.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.context.SecurityContextHolder;

/** Hands the user Spring Security authenticated to Camunda's webapps (container-based authentication). */
public class SpringSecurityWebappAuthenticationProvider implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        return CurrentUser.of(SecurityContextHolder.getContext().getAuthentication())
                .map(user -> {
                    AuthenticationResult result = AuthenticationResult.successful(user.userId());
                    result.setGroups(user.groupList());
                    return result;
                })
                .orElseGet(AuthenticationResult::unsuccessful);
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security has already challenged (login page or 401).
    }
}
