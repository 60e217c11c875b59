package cn.gonggaigong.monitor;

import cn.gonggaigong.security.AccessRefusedException;
import cn.gonggaigong.security.CurrentUser;
import cn.gonggaigong.security.Groups;
import org.springframework.stereotype.Component;

import java.util.Set;

/** Who may read the monitoring: the leading group, its office, NRB and the administrators (Groups.OVERSEERS). */
@Component
public class MonitorAccess {

    static final Set<String> READERS = Groups.OVERSEERS;

    public boolean canRead(CurrentUser user) {
        return user.inAnyGroup(READERS);
    }

    public CurrentUser checkRead() {
        CurrentUser user = CurrentUser.current();
        if (!canRead(user)) {
            throw new AccessRefusedException("无权查看全市监测数据：仅“工改工”工作领导小组及其办公室、市自然资源局和系统管理员可以查看");
        }
        return user;
    }
}
