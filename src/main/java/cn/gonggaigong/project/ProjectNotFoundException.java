package cn.gonggaigong.project;

public class ProjectNotFoundException extends RuntimeException {

    public ProjectNotFoundException(long id) {
        super("项目不存在（id=" + id + "）");
    }
}
