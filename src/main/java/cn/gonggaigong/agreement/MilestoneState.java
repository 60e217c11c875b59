package cn.gonggaigong.agreement;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How a deadline of the monitoring agreement stands, and the town's explanation of a missed one, in the words people
 * read: the same on the task forms, the project page and the leading group's list (which reads them from SQL).
 */
public final class MilestoneState {

    private MilestoneState() {
    }

    /** 按期完成, 逾期后完成, 已逾期 or 未到期 on a day. */
    public static String status(LocalDate deadline, Instant completedAt, Instant breachedAt, LocalDate today) {
        boolean late = breachedAt != null;
        if (completedAt != null) {
            return late ? "逾期后完成" : "按期完成";
        }
        return late || today.isAfter(deadline) ? "已逾期" : "未到期";
    }

    /** The town's explanation of a breach in one line; null when the deadline was not missed. */
    public static String explanation(Instant breachedAt, Instant explainedAt, String reason, Boolean subjectResponsible,
                                     String remedy, LocalDate expectedDate) {
        if (explainedAt == null) {
            return breachedAt != null ? "乡镇尚未说明逾期情况" : null;
        }
        return "逾期原因：" + clause(reason) + "；属改造主体责任：" + (Boolean.TRUE.equals(subjectResponsible) ? "是" : "否")
                + "；整改措施：" + clause(remedy) + (expectedDate != null ? "；预计完成：" + expectedDate : "");
    }

    /** A town's sentence as one clause of the line: without its own closing 。 or ； before the next one's ；. */
    static String clause(String text) {
        return text == null ? null : text.strip().replaceAll("[。；;，,.、\\s]+$", "");
    }
}
