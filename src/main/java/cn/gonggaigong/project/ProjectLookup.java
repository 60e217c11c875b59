package cn.gonggaigong.project;

/** Finds the project a process instance works on, failing with a clear message when it is gone. */
public final class ProjectLookup {

    private ProjectLookup() {
    }

    public static Project of(ProjectRepository projects, long projectId) {
        return projects.findById(projectId)
                .orElseThrow(() -> new IllegalStateException("项目 " + projectId + " 不存在"));
    }
}
