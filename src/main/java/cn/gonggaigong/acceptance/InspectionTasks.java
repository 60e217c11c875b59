package cn.gonggaigong.acceptance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.function.Function;

import cn.gonggaigong.scheme.SchemeRepository;
import cn.gonggaigong.task.TaskContext;
import cn.gonggaigong.task.TaskRow;
import org.springframework.stereotype.Component;

/**
 * 组织竣工验收: NRB inspects what the subject declared (its figures are shown read-only by the form) against the
 * approved scheme (SchemeTasks); the built plot ratio, on which the subsidy rests (Art. 19), starts as the declared
 * floor area over the scheme's land area, two decimals, for the inspector to confirm or correct.
 */
@Component
public class InspectionTasks implements TaskContext {

    static final String TASK = "Task_InspectCompletion";

    private final SchemeRepository schemes;

    public InspectionTasks(SchemeRepository schemes) {
        this.schemes = schemes;
    }

    @Override
    public boolean appliesTo(String taskDefinitionKey) {
        return TASK.equals(taskDefinitionKey);
    }

    @Override
    public Map<String, Object> values(TaskRow task, Function<String, Object> variable) {
        if (task.projectId() == null || !(variable.apply("builtTotalFloorArea") instanceof Number built)) {
            return Map.of();
        }
        return schemes.findFirstByProjectIdOrderBySchemeVersionDesc(task.projectId())
                .map(s -> s.getLandAreaSqm())
                .filter(land -> land != null && land.signum() > 0)
                .<Map<String, Object>>map(land -> Map.of("builtPlotRatio", new BigDecimal(built.toString())
                        .divide(land, 2, RoundingMode.HALF_UP).doubleValue()))
                .orElse(Map.of());
    }
}
