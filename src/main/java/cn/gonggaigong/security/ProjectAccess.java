package cn.gonggaigong.security;

import cn.gonggaigong.project.Project;
import cn.gonggaigong.project.Town;
import org.springframework.stereotype.Component;

/**
 * Who may see and start which project: city offices and departments every project, a town's officers the
 * projects of their own town, an applicant their own projects. Starting an application: applicants (as
 * themselves), towns (in their own town) and NRB; the leading group, departments, committee and governments
 * only read.
 */
@Component
public class ProjectAccess {

    public boolean readsAll(CurrentUser user) {
        return user.inAnyGroup(Groups.CITY_OFFICES) || user.groups().stream().anyMatch(Groups::isDepartment);
    }

    public boolean canRead(CurrentUser user, Project project) {
        return readsAll(user)
                || user.inGroup(project.getTown().getGroupId())
                || user.userId().equals(project.getApplicantUserId());
    }

    public void checkRead(CurrentUser user, Project project) {
        if (!canRead(user, project)) {
            throw new AccessRefusedException("无权查看项目 " + project.getCode() + "：该项目属于"
                    + project.getTown().getName() + "，您不是其所在乡镇、改造主体或市级审批部门的人员");
        }
    }

    public void checkApply(CurrentUser user, Town town, String applicantUserId) {
        if (user.inGroup(Groups.NRB) || user.inGroup(Groups.ADMINS)) {
            return;
        }
        if (town != null && user.inGroup(town.getGroupId())) {
            return;
        }
        if (user.inGroup(Groups.APPLICANTS)) {
            if (user.userId().equals(applicantUserId) || applicantUserId == null || applicantUserId.isBlank()) {
                // Missing, it is a field the application's checks name (400 with every problem), not a refusal.
                return;
            }
            throw new AccessRefusedException("改造主体只能以本人名义申请(applicantUserId 必须为 " + user.userId() + ")");
        }
        if (user.groups().stream().anyMatch(Groups::isTown)) {
            if (town == null) {
                return; // no town or an unknown one: the application's checks name the field
            }
            throw new AccessRefusedException("乡镇(街道、农场)只能为本辖区的项目提交申请");
        }
        throw new AccessRefusedException("您所在的部门不能提交项目申请,只能查看和办理分配给本部门的事项");
    }
}
