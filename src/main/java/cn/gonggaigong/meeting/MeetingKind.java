package cn.gonggaigong.meeting;

import java.util.List;

import cn.gonggaigong.security.Groups;

/** The two bodies that decide many projects at one meeting, the group that records it and the tasks it decides. */
public enum MeetingKind {
    COMMITTEE("规划委员会会议", Groups.PLANNING_COMMITTEE, List.of("Task_ReviewScheme")),
    GOVERNMENT("市政府常务会议", Groups.MUNICIPAL_GOVERNMENT,
            List.of("Task_ApproveScheme", "Task_ApproveUnitPlan", "Task_ApproveAnnualPlan"));

    private final String label;
    private final String group;
    private final List<String> taskDefinitionKeys;

    MeetingKind(String label, String group, List<String> taskDefinitionKeys) {
        this.label = label;
        this.group = group;
        this.taskDefinitionKeys = taskDefinitionKeys;
    }

    public String label() {
        return label;
    }

    public String group() {
        return group;
    }

    public List<String> taskDefinitionKeys() {
        return taskDefinitionKeys;
    }
}
