package cn.gonggaigong.land;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gonggaigong.platform.Amounts;
import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.project.Project;
import cn.gonggaigong.project.ProjectRepository;
import cn.gonggaigong.project.RenovationMode;
import cn.gonggaigong.task.ProjectTaskContext;
import cn.gonggaigong.task.SubmissionCheck;
import cn.gonggaigong.task.TaskRow;
import org.springframework.stereotype.Component;

/**
 * The land steps (Art. 17, 18): the land case NRB chooses must be one whose conditions the land meets, the amount
 * due is shown to whoever supplies, pays and registers, and a payment must cover it.
 */
@Component
public class LandTasks extends ProjectTaskContext implements SubmissionCheck {

    static final String DETERMINE = "Task_DetermineLandCase";
    static final String PAY = "Task_PayLandPrice";
    static final String DUE = "landPriceDue";
    static final String BASIS = "landPriceBasis";

    private final ProjectRepository projects;

    public LandTasks(ProjectRepository projects) {
        super(Set.of("Task_SupplyLand", PAY, "Task_RegisterLandRights"));
        this.projects = projects;
    }

    @Override
    protected Map<String, Object> values(String taskDefinitionKey, long projectId) {
        Map<String, Object> values = new LinkedHashMap<>();
        projects.findById(projectId).ifPresent(p -> {
            if (p.getLandPrice() != null) {
                values.put(DUE, Amounts.yuan(p.getLandPrice()));
            }
            if (p.getLandPriceBasis() != null) {
                values.put(BASIS, p.getLandPriceBasis());
            }
        });
        return values;
    }

    @Override
    public boolean appliesTo(String taskDefinitionKey) {
        return super.appliesTo(taskDefinitionKey) || DETERMINE.equals(taskDefinitionKey);
    }

    @Override
    public List<FieldProblem> problems(TaskRow task, Map<String, Object> variables) {
        if (DETERMINE.equals(task.taskDefinitionKey())) {
            RenovationMode mode = task.projectId() == null ? null
                    : projects.findById(task.projectId()).map(Project::getRenovationMode).orElse(null);
            return landCase(variables, mode);
        }
        if (PAY.equals(task.taskDefinitionKey()) && task.projectId() != null
                && variables.get("paidAmount") instanceof Number paid) {
            BigDecimal due = projects.findById(task.projectId()).map(Project::getLandPrice).orElse(null);
            if (due != null && new BigDecimal(paid.toString()).compareTo(due) < 0) {
                return List.of(new FieldProblem("paidAmount", "少于应缴土地出让价款 " + Amounts.yuan(due) + "，须缴清后办理不动产登记"));
            }
        }
        return List.of();
    }

    static List<FieldProblem> landCase(Map<String, Object> v) {
        return landCase(v, null);
    }

    /**
     * Art. 18 as NRB chooses it: the case's conditions, and a difference of values that is not negative; Art. 17: land
     * the government has taken into storage (政府收储) is allocated or sold publicly, not by agreement.
     */
    static List<FieldProblem> landCase(Map<String, Object> v, RenovationMode mode) {
        List<FieldProblem> problems = new ArrayList<>();
        Object landCase = v.get("landCase");
        boolean agreement = "AGREEMENT".equals(v.get("supplyMethod"));
        if (mode == RenovationMode.GOVERNMENT_STORAGE && agreement) {
            problems.add(new FieldProblem("supplyMethod", "政府收储的土地按规定划拨或者公开出让，不适用协议出让（第十七条）"));
        }
        if ("COLLECTIVE_TO_STATE_SELF".equals(landCase)) {
            if (!Boolean.TRUE.equals(v.get("threeOldsPolicy"))) {
                problems.add(new FieldProblem("threeOldsPolicy", "“集转国”自行改造按评估价30%计收（第十八条第一款），须符合“三旧”改造政策；"
                        + "不符合的，请按实际选择其他计收情形"));
            }
            if (!agreement) {
                problems.add(new FieldProblem("supplyMethod", "“集转国”自行改造按评估价30%计收（第十八条第一款），须协议出让"));
            }
        }
        if ("HISTORICAL_PROCEDURES".equals(landCase) && !agreement) {
            problems.add(new FieldProblem("supplyMethod", "完善历史用地手续按评估价30%计收（第十八条第四款），须协议出让"));
        }
        if (("TENURE_EXTENSION".equals(landCase) || "ALLOCATED_TO_TRANSFER".equals(landCase))
                && v.get("appraisedValue") instanceof Number appraised && v.get("baseValue") instanceof Number base
                && appraised.doubleValue() < base.doubleValue()) {
            problems.add(new FieldProblem("appraisedValue", "TENURE_EXTENSION".equals(landCase)
                    ? "延长年限后的土地市场评估价不能低于剩余年限的评估价（基准评估价），差额计收（第十八条第三款）"
                    : "公开出让土地市场评估价不能低于国有划拨土地市场评估价（基准评估价），差额计收（第十八条第五款）"));
        }
        return problems;
    }
}
