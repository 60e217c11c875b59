package cn.gonggaigong.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.gonggaigong.security.CurrentUser;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;

/**
 * 项目查询 as a query: the projects a caller may read (ProjectAccess: all for the city's offices and departments,
 * otherwise their towns' and their own as applicant), narrowed by a word of the name, code or applicant, and by town,
 * phase and status. A town, phase or status that does not exist is a {@link BadParameterException} naming it.
 */
final class ProjectSearch {

    private ProjectSearch() {
    }

    /** @param reader null when the caller reads every project */
    static Specification<Project> of(ProjectService.Search search, TownRepository towns, CurrentUser reader) {
        String text = blankToNull(search.text());
        String town = blankToNull(search.town());
        String phase = blankToNull(search.phase());
        ProjectStatus status = status(blankToNull(search.status()));
        towns.unknownTown(town).or(() -> FieldProblem.ofPhase(phase)).ifPresent(problem -> {
            throw new BadParameterException(problem);
        });
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (reader != null) {
                List<Predicate> mayRead = new ArrayList<>();
                if (!reader.groups().isEmpty()) {
                    mayRead.add(root.get("town").get("groupId").in(reader.groups()));
                }
                mayRead.add(cb.equal(root.get("applicantUserId"), reader.userId()));
                where.add(cb.or(mayRead.toArray(Predicate[]::new)));
            }
            if (text != null) {
                String like = cn.gonggaigong.platform.LikePattern.containing(text.toLowerCase(Locale.ROOT));
                where.add(cb.or(cb.like(cb.lower(root.get("name")), like, '\\'), cb.like(cb.lower(root.get("code")), like, '\\'),
                        cb.like(cb.lower(root.get("applicantName")), like, '\\')));
            }
            if (town != null) {
                where.add(cb.equal(root.get("town").get("code"), town));
            }
            if (phase != null) {
                where.add(cb.equal(root.get("phase"), phase));
            }
            if (status != null) {
                where.add(cb.equal(root.get("status"), status));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static ProjectStatus status(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ProjectStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(FieldProblem.oneOf("status", ProjectStatus.values()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
