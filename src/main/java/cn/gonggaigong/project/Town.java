package cn.gonggaigong.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A town (镇/乡), street office (街道) or state farm (农场) of 普宁市. Each is one candidate group in Camunda
 * ({@link #getGroupId()}, e.g. {@code town-zhanlong}), the process variable {@code townGroup} of its projects.
 * Seeded by Flyway ({@code V1__business_tables.sql}).
 */
@Entity
@Table(name = "town")
public class Town {

    public static final String GROUP_PREFIX = "town-";

    @Id
    @Column(length = 40)
    private String code;

    @Column(nullable = false, unique = true, length = 60)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TownKind kind;

    @Column(nullable = false, unique = true, length = 60)
    private String groupId;

    protected Town() {
    }

    public Town(String code, String name, TownKind kind) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.groupId = GROUP_PREFIX + code;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public TownKind getKind() {
        return kind;
    }

    public String getGroupId() {
        return groupId;
    }
}
