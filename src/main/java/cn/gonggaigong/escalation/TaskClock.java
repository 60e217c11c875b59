package cn.gonggaigong.escalation;

/** Whose time a user task is: the office's (judged), the applicant's, or outside (公示, the prefecture). */
public enum TaskClock {
    OFFICE("经办单位用时"),
    APPLICANT("申请人用时"),
    OUTSIDE("外部用时");

    private final String label;

    TaskClock(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
