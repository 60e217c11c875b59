package cn.gonggaigong.task;

import java.util.List;
import java.util.Map;

import cn.gonggaigong.security.CurrentUser;
import cn.gonggaigong.security.Groups;
import cn.gonggaigong.security.IdentityMode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is logged in, for the pages: name, groups and what they stand for. */
@RestController
@Tag(name = "当前用户")
public class MeController {

    private final UserDirectory users;
    private final IdentityMode identity;

    public MeController(UserDirectory users, IdentityMode identity) {
        this.users = users;
        this.identity = identity;
    }

    public record GroupView(String id, String name) {
    }

    public record Roles(String town, boolean nrb, boolean leadingGroup, boolean applicant, boolean admin,
                        boolean committee, boolean government, boolean department) {
    }

    /**
     * @param passwordPage where the user changes their password when Camunda does not keep it (the Keycloak mode: the
     *                     realm's account console); null where Camunda's welcome page does (the embedded mode)
     */
    public record Me(String userId, String name, List<GroupView> groups, List<String> offices, Roles roles,
                     String passwordPage) {
    }

    @GetMapping("/api/me")
    @Operation(summary = "当前登录用户、所属部门与角色")
    public Me me() {
        CurrentUser user = CurrentUser.current();
        Map<String, String> names = users.groupNames(user.groups());
        List<GroupView> groups = user.groupList().stream().map(g -> new GroupView(g, names.getOrDefault(g, g))).toList();
        List<String> offices = user.groupList().stream()
                .filter(g -> !g.equals(Groups.APPLICANTS) && !g.equals(Groups.ADMINS)).toList();
        String town = user.groupList().stream().filter(Groups::isTown).findFirst()
                .map(g -> g.substring(Groups.TOWN_PREFIX.length())).orElse(null);
        Roles roles = new Roles(town, user.inGroup(Groups.NRB),
                user.inGroup(Groups.LEADING_GROUP) || user.inGroup(Groups.LEADING_GROUP_OFFICE),
                user.inGroup(Groups.APPLICANTS), user.inGroup(Groups.ADMINS), user.inGroup(Groups.PLANNING_COMMITTEE),
                user.inGroup(Groups.MUNICIPAL_GOVERNMENT), user.groups().stream().anyMatch(Groups::isDepartment));
        return new Me(user.userId(), users.name(user.userId()), groups, offices, roles,
                identity.passwordPage().orElse(null));
    }
}
