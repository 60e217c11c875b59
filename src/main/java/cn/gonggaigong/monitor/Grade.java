package cn.gonggaigong.monitor;

import java.util.Arrays;
import java.util.Optional;

/**
 * A project's warning grade as the leading group sees it: the highest open timer-raised warning (task_warning, closed_at
 * null) of any of its tasks. Urging (催办, grade URGE) is a reminder, not a grade, and does not count here.
 */
public enum Grade {
    NONE(0, "无预警"),
    YELLOW(1, "黄牌"),
    RED(2, "红牌"),
    ESCALATED(3, "已升级领导小组");

    private final int rank;
    private final String label;

    Grade(int rank, String label) {
        this.rank = rank;
        this.label = label;
    }

    public int rank() {
        return rank;
    }

    public String label() {
        return label;
    }

    public static Grade ofRank(int rank) {
        return Arrays.stream(values()).filter(g -> g.rank == rank).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("未知的预警等级 " + rank));
    }

    public static Optional<Grade> parse(String name) {
        return Arrays.stream(values()).filter(g -> g.name().equalsIgnoreCase(name)).findFirst();
    }

    /** SQL: rank of a task_warning row's grade (alias w); 0 for URGE. */
    public static final String RANK_SQL = "case w.grade when 'ESCALATED' then 3 when 'RED' then 2 when 'YELLOW' then 1 else 0 end";
}
