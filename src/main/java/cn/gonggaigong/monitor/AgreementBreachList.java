package cn.gonggaigong.monitor;

import cn.gonggaigong.agreement.AgreementMilestone;
import cn.gonggaigong.agreement.AgreementMilestoneRepository;
import cn.gonggaigong.agreement.AgreementTasks;
import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.monitor.MonitorViews.AgreementBreach;
import java.time.LocalDate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The leading group's list of missed deadlines of monitoring agreements, with the towns' explanations. */
@Component
public class AgreementBreachList {

    private final AgreementMilestoneRepository milestones;

    public AgreementBreachList(AgreementMilestoneRepository milestones) {
        this.milestones = milestones;
    }

    @Transactional(readOnly = true)
    public MonitorViews.AgreementBreachList list(String town, int limit) {
        LocalDate today = WorkingDayCalendar.today();
        Page<AgreementMilestone> page = milestones.findBreaches(town, PageRequest.of(0, limit));
        return new MonitorViews.AgreementBreachList(page.getTotalElements(), limit, page.getContent().stream()
                .map(m -> new AgreementBreach(m.getProject().getId(), m.getProject().getCode(), m.getProject().getName(),
                        m.getProject().getTown().getCode(), m.getProject().getTown().getName(), m.getName(),
                        m.getDeadline(), m.getBreachedAt(), AgreementTasks.status(m, today), m.getSubjectResponsible(),
                        AgreementTasks.explanation(m)))
                .toList());
    }
}
