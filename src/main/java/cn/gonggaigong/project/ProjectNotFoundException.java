package cn.gonggaigong.project;

/** No project has this id (the number in a project page's address, /projects/123): said in words, not "id=". */
public class ProjectNotFoundException extends RuntimeException {

    public ProjectNotFoundException(long id) {
        super("项目不存在：没有序号为 " + id + " 的项目，请检查地址，或从待办、项目列表进入");
    }
}
