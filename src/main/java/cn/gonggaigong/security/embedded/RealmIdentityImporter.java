package cn.gonggaigong.security.embedded;

import cn.gonggaigong.security.Groups;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Without a Keycloak server, reads the realm's groups, users (with their demo passwords) and memberships from
 * keycloak-realm.json into Camunda's identity tables, so the one-command run is a multi-user demo with the same
 * group ids as the real realm. Only what is missing is created: passwords changed later are kept.
 * <p>
 * Camunda's first administrator ({@code camunda.bpm.admin-user}, the README's {@code demo}) joins the group
 * {@code admins} as well: the starter puts that user in {@code camunda-admin} only, whose grants are the engine's,
 * while the product's administrator rights (changing tasks, jobs and users through the REST APIs, the time limits,
 * every project) are those of {@code admins}; without it, the one administrator the README names was refused them
 * as an officer.
 */
@Component
@Profile("!keycloak")
public class RealmIdentityImporter {

    private static final Logger log = LoggerFactory.getLogger(RealmIdentityImporter.class);
    static final String GROUP_TYPE = "WORKFLOW";

    private final IdentityService identityService;
    private final ObjectMapper json;
    private final Resource realm;
    private final String camundaAdministrator;

    public RealmIdentityImporter(IdentityService identityService, ObjectMapper json,
                                 @Value("${ggg.identity.realm-file:classpath:keycloak-realm.json}") Resource realm,
                                 @Value("${camunda.bpm.admin-user.id:}") String camundaAdministrator) {
        this.identityService = identityService;
        this.json = json;
        this.realm = realm;
        this.camundaAdministrator = camundaAdministrator;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    // One transaction: the realm comes in whole or not at all, with one commit instead of one per user, group and
    // membership (about 150 on a first start).
    @org.springframework.transaction.annotation.Transactional
    public void importRealm() {
        JsonNode root = read();
        int groups = 0;
        int users = 0;
        for (JsonNode g : root.path("groups")) {
            String id = g.path("name").asText();
            if (identityService.createGroupQuery().groupId(id).count() == 0) {
                Group group = identityService.newGroup(id);
                group.setName(g.path("attributes").path("displayName").path(0).asText(id));
                group.setType(GROUP_TYPE);
                identityService.saveGroup(group);
                groups++;
            }
        }
        for (JsonNode u : root.path("users")) {
            if (u.hasNonNull("serviceAccountClientId")) {
                continue;
            }
            String id = u.path("username").asText();
            if (identityService.createUserQuery().userId(id).count() == 0) {
                User user = identityService.newUser(id);
                user.setFirstName(u.path("firstName").asText(null));
                user.setLastName(u.path("lastName").asText(null));
                user.setEmail(u.path("email").asText(null));
                user.setPassword(password(u));
                identityService.saveUser(user);
                users++;
            }
            for (JsonNode path : u.path("groups")) {
                String groupId = path.asText().replaceFirst("^/", "");
                if (identityService.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
                    identityService.createMembership(id, groupId);
                }
            }
        }
        if (!camundaAdministrator.isBlank()
                && identityService.createUserQuery().userId(camundaAdministrator).count() == 1
                && identityService.createGroupQuery().groupId(Groups.ADMINS).count() == 1
                && identityService.createUserQuery().userId(camundaAdministrator).memberOfGroup(Groups.ADMINS).count() == 0) {
            identityService.createMembership(camundaAdministrator, Groups.ADMINS);
            log.info("Camunda's administrator {} is now a member of {}", camundaAdministrator, Groups.ADMINS);
        }
        log.info("Identity from {}: {} groups and {} users created (the rest existed)", realm.getDescription(), groups, users);
    }

    private static String password(JsonNode user) {
        for (JsonNode credential : user.path("credentials")) {
            if ("password".equals(credential.path("type").asText())) {
                return credential.path("value").asText();
            }
        }
        throw new IllegalStateException("用户 " + user.path("username").asText() + " 在领域文件中没有密码");
    }

    private JsonNode read() {
        try (InputStream in = realm.getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取领域文件 " + realm.getDescription(), e);
        }
    }
}
