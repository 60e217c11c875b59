package cn.gonggaigong.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.springframework.stereotype.Component;

/**
 * A parcel (标图入库图斑) is renovated by one project at a time: an application, and the town's survey of its base
 * data, may not name a parcel that another project under way holds, nor one parcel twice. Parcel ids are the same
 * code whatever their case or surrounding spaces (bt-001 is BT-001).
 */
@Component
public class ParcelRegister {

    private final ProjectRepository projects;

    public ParcelRegister(ProjectRepository projects) {
        this.projects = projects;
    }

    /**
     * @param exceptProjectCode the project the parcels are for (its own parcels are no conflict), or null
     * @param field             the field to name for the parcel at an index
     */
    public List<FieldProblem> problems(List<String> parcelIds, String exceptProjectCode, IntFunction<String> field) {
        List<String> ids = parcelIds.stream().map(ParcelRegister::key).toList();
        Map<String, String> taken = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            for (Object[] row : projects.activeProjectsOfParcels(ids)) {
                if (!row[1].equals(exceptProjectCode)) {
                    taken.putIfAbsent((String) row[0], (String) row[1]);
                }
            }
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            Integer first = seen.putIfAbsent(ids.get(i), i);
            String project = taken.get(ids.get(i));
            if (first != null) {
                problems.add(new FieldProblem(field.apply(i), "与第 " + (first + 1) + " 个图斑编号重复"));
            } else if (project != null) {
                problems.add(new FieldProblem(field.apply(i),
                        "图斑 " + parcelIds.get(i).trim() + " 已在项目 " + project + " 中，该项目尚在审批实施中"));
            }
        }
        return problems;
    }

    /** The parcels of a form's text field: separated by commas, semicolons, 顿号 or spaces (half or full width). */
    public static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,，;；、\\s\\u3000]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The same parcel whatever its case or spaces. */
    static String key(String parcelId) {
        return parcelId.trim().toUpperCase(Locale.ROOT);
    }
}
