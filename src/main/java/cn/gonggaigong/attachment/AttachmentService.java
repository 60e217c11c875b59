package cn.gonggaigong.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cn.gonggaigong.project.Project;
import cn.gonggaigong.project.ProjectNotFoundException;
import cn.gonggaigong.project.ProjectRepository;
import cn.gonggaigong.project.ProjectStatus;
import cn.gonggaigong.security.CurrentUser;
import cn.gonggaigong.security.Groups;
import cn.gonggaigong.security.ProjectAccess;
import cn.gonggaigong.task.ApiProblem;
import cn.gonggaigong.task.TaskItems;
import cn.gonggaigong.task.TaskQueries;
import cn.gonggaigong.task.TaskRow;
import cn.gonggaigong.task.UserDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * A project's materials (附件): PDF, PNG, JPEG up to {@code ggg.attachments.max-size} (20 MB), kept in PostgreSQL
 * (table {@code attachment}, see V11), listed and downloaded by whoever may see the project ({@link ProjectAccess}).
 * One uploaded by mistake is withdrawn (作废) by its uploader (or an administrator) with a reason, never deleted (V57).
 */
@Service
public class AttachmentService {

    static final String REJECTED = "附件上传失败";
    static final String NOT_WITHDRAWN = "附件未能作废";
    static final int MAX_REASON = 500;
    /** Whether the task the attachment was uploaded for is done (no longer among Camunda's open tasks). */
    private static final String TASK_DONE =
            "(a.task_id is not null and not exists (select 1 from act_ru_task t where t.id_ = a.task_id)) as task_done";

    /**
     * One attachment as listed; {@code withdrawn*} are set once it was withdrawn, {@code canWithdraw} says whether the
     * user asking may withdraw it now (see {@link #withdraw}).
     */
    public record AttachmentView(Long id, Long projectId, String fileName, String contentType, long size,
                                 String uploadedBy, String uploadedByName, OffsetDateTime uploadedAt, String taskId,
                                 String description, String withdrawnBy, String withdrawnByName,
                                 OffsetDateTime withdrawnAt, String withdrawalReason, boolean canWithdraw) {
    }

    public record WithdrawalRequest(String reason) {
    }

    public record Download(String fileName, String contentType, byte[] content) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ProjectRepository projects;
    private final ProjectAccess access;
    private final TaskQueries tasks;
    private final UserDirectory users;
    private final DataSize maxSize;

    public AttachmentService(NamedParameterJdbcTemplate jdbc, ProjectRepository projects, ProjectAccess access,
                             TaskQueries tasks, UserDirectory users,
                             @Value("${ggg.attachments.max-size:20MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.access = access;
        this.tasks = tasks;
        this.users = users;
        this.maxSize = maxSize;
    }

    @Transactional(readOnly = true)
    public List<AttachmentView> list(long projectId) {
        Project project = readableProject(projectId);
        CurrentUser me = CurrentUser.current();
        return jdbc.query("select a.id, a.project_id, a.file_name, a.content_type, a.size_bytes, a.uploaded_by,"
                + " a.uploaded_at, a.task_id, a.description, a.withdrawn_by, a.withdrawn_at, a.withdrawal_reason, "
                + TASK_DONE + " from attachment a where a.project_id = :project order by a.uploaded_at, a.id",
                new MapSqlParameterSource("project", projectId), (rs, n) -> {
            String uploadedBy = rs.getString("uploaded_by");
            String taskId = rs.getString("task_id");
            String withdrawnBy = rs.getString("withdrawn_by");
            Timestamp withdrawnAt = rs.getTimestamp("withdrawn_at");
            boolean canWithdraw = withdrawnBy == null
                    && (Objects.equals(me.userId(), uploadedBy) || me.inGroup(Groups.ADMINS))
                    && whyNotWithdrawable(project, rs.getBoolean("task_done"), null).isEmpty();
            return new AttachmentView(rs.getLong("id"), rs.getLong("project_id"), rs.getString("file_name"),
                    rs.getString("content_type"), rs.getLong("size_bytes"), uploadedBy, users.name(uploadedBy),
                    TaskItems.time(rs.getTimestamp("uploaded_at").toInstant()), taskId, rs.getString("description"),
                    withdrawnBy, withdrawnBy == null ? null : users.name(withdrawnBy),
                    withdrawnAt == null ? null : TaskItems.time(withdrawnAt.toInstant()),
                    rs.getString("withdrawal_reason"), canWithdraw);
        });
    }

    /**
     * 作废: the uploader (or an administrator) marks an attachment as withdrawn, with the reason; it stays listed and
     * downloadable. Refused (409) once it can no longer be taken back: the project has ended, or the task it was
     * uploaded for is done (the step's decision rested on it).
     */
    @Transactional
    public AttachmentView withdraw(long attachmentId, String reason) {
        CurrentUser user = CurrentUser.current();
        List<Map<String, Object>> rows = jdbc.queryForList("select a.project_id, a.uploaded_by, a.withdrawn_at, "
                        + TASK_DONE + ", (select h.name_ from act_hi_taskinst h where h.id_ = a.task_id) as task_name"
                        + " from attachment a where a.id = :id for update of a",
                new MapSqlParameterSource("id", attachmentId));
        if (rows.isEmpty()) {
            throw ApiProblem.notFound("附件不存在");
        }
        Map<String, Object> row = rows.get(0);
        long projectId = ((Number) row.get("project_id")).longValue();
        Project project = readableProject(projectId);
        String uploadedBy = (String) row.get("uploaded_by");
        // An administrator, for an uploader who cannot any more (left, moved to another office).
        if (!Objects.equals(user.userId(), uploadedBy) && !user.inGroup(Groups.ADMINS)) {
            throw ApiProblem.forbidden("只有上传人（" + users.name(uploadedBy) + "）或系统管理员可以作废该附件");
        }
        if (row.get("withdrawn_at") != null) {
            throw ApiProblem.conflict("该附件已作废");
        }
        boolean taskDone = Boolean.TRUE.equals(row.get("task_done"));
        whyNotWithdrawable(project, taskDone, (String) row.get("task_name")).ifPresent(why -> {
            throw ApiProblem.conflict(why);
        });
        if (reason == null || reason.isBlank()) {
            throw ApiProblem.badField(NOT_WITHDRAWN, "reason", "必填：请说明作废原因");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw ApiProblem.badField(NOT_WITHDRAWN, "reason", "长度不能超过" + MAX_REASON + "个字符");
        }
        jdbc.update("update attachment set withdrawn_by = :by, withdrawn_at = :at, withdrawal_reason = :reason"
                        + " where id = :id",
                new MapSqlParameterSource("id", attachmentId).addValue("by", user.userId())
                        .addValue("at", Timestamp.from(TaskItems.now())).addValue("reason", reason.strip()));
        return list(projectId).stream().filter(a -> a.id() == attachmentId).findFirst().orElseThrow();
    }

    /** Why an attachment of the project, whose task is done (or not, or has none), can no longer be withdrawn. */
    private static Optional<String> whyNotWithdrawable(Project project, boolean taskDone, String taskName) {
        if (project.getStatus() != ProjectStatus.ACTIVE) {
            return Optional.of("项目" + project.getStatus().label() + "，附件不能再作废");
        }
        if (taskDone) {
            String name = taskName == null ? "" : "“" + taskName + "”";
            return Optional.of("该附件所属的任务" + name + "已办结，附件是其办理依据，不能再作废");
        }
        return Optional.empty();
    }

    /**
     * Why the user may not add to the project's materials, or empty when they may: those who work on it (the
     * applicant, its town, NRB, an office with one of its tasks open, an administrator) while it is in work; a
     * department, the leading group or the government with nothing of it to do read and download only, and an ended
     * project's materials are its record.
     */
    public Optional<ApiProblem> uploadRefusal(Project project, CurrentUser user,
                                              java.util.function.Supplier<List<TaskRow>> openTasks) {
        if (project.getStatus() != ProjectStatus.ACTIVE) {
            return Optional.of(ApiProblem.conflict("项目" + project.getStatus().label() + "，不能再上传附件"));
        }
        if (user.inGroup(Groups.ADMINS) || user.inGroup(Groups.NRB) || user.inGroup(project.getTown().getGroupId())
                || user.userId().equals(project.getApplicantUserId())) {
            return Optional.empty();
        }
        boolean working = openTasks.get().stream().anyMatch(task -> user.userId().equals(task.assignee())
                || user.userId().equals(task.owner()) || task.candidateGroups().stream().anyMatch(user::inGroup));
        return working ? Optional.empty() : Optional.of(ApiProblem.forbidden(
                "只有改造主体、项目所在乡镇、市自然资源局和正在办理本项目事项的单位可以上传附件，您可以查看和下载附件"));
    }

    @Transactional
    public AttachmentView upload(long projectId, MultipartFile file, String description, String taskId) {
        CurrentUser user = CurrentUser.current();
        uploadRefusal(readableProject(projectId), user, () -> tasks.ofProject(projectId)).ifPresent(problem -> {
            throw problem;
        });
        if (file == null || file.isEmpty()) {
            throw ApiProblem.badField(REJECTED, "file", "文件为空");
        }
        if (file.getSize() > maxSize.toBytes()) {
            throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "文件过大：单个附件不能超过" + maxSize.toMegabytes() + "MB",
                    List.of(new cn.gonggaigong.project.FieldProblem("file", "不能超过" + maxSize.toMegabytes() + "MB")));
        }
        String fileName = fileName(file.getOriginalFilename());
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileType type = FileType.of(content).orElseThrow(() -> ApiProblem.badField(REJECTED, "file",
                "只能上传PDF、PNG或JPEG文件（按文件内容识别）"));
        String extension = fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!type.extensions().contains(extension)) {
            throw ApiProblem.badField(REJECTED, "file", "文件扩展名与内容不符：内容为" + type.name() + "，扩展名应为"
                    + String.join("或", type.extensions()));
        }
        if (description != null && description.length() > 2000) {
            throw ApiProblem.badField(REJECTED, "description", "长度不能超过2000个字符");
        }
        String task = taskId == null || taskId.isBlank() ? null : taskId.trim();
        if (task != null) {
            Optional<TaskRow> row = tasks.byId(task);
            if (row.isEmpty() || row.get().projectId() == null || row.get().projectId() != projectId) {
                throw ApiProblem.badField(REJECTED, "taskId", "不是本项目的待办任务");
            }
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                insert into attachment (project_id, task_id, file_name, content_type, size_bytes, sha256, description,
                                        uploaded_by, uploaded_at, content)
                values (:project, :task, :name, :type, :size, :sha, :description, :by, :at, :content)
                """, new MapSqlParameterSource("project", projectId).addValue("task", task).addValue("name", fileName)
                .addValue("type", type.contentType()).addValue("size", content.length).addValue("sha", sha256(content))
                .addValue("description", description == null || description.isBlank() ? null : description.trim())
                .addValue("by", user.userId()).addValue("at", Timestamp.from(TaskItems.now()))
                .addValue("content", content), key, new String[]{"id"});
        long id = key.getKey().longValue();
        return list(projectId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public Download download(long attachmentId) {
        List<Long> owner = jdbc.queryForList("select project_id from attachment where id = :id",
                new MapSqlParameterSource("id", attachmentId), Long.class);
        if (owner.isEmpty()) {
            throw ApiProblem.notFound("附件不存在");
        }
        readableProject(owner.get(0));
        return jdbc.queryForObject("select file_name, content_type, content from attachment where id = :id",
                new MapSqlParameterSource("id", attachmentId),
                (rs, n) -> new Download(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")));
    }

    private Project readableProject(long projectId) {
        Project project = projects.findById(projectId).orElseThrow(() -> new ProjectNotFoundException(projectId));
        access.checkRead(CurrentUser.current(), project);
        return project;
    }

    /** The name without any client path, as given (Chinese kept). */
    static String fileName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty()) {
            throw ApiProblem.badField(REJECTED, "file", "缺少文件名");
        }
        if (name.length() > 255) {
            throw ApiProblem.badField(REJECTED, "file", "文件名不能超过255个字符");
        }
        return name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
