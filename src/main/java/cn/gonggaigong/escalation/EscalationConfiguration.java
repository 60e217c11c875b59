package cn.gonggaigong.escalation;

import cn.gonggaigong.clock.CalendarWarningSink;
import cn.gonggaigong.clock.WorkingDayCalendar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The statutory clock and the escalation in the application's engine. */
@Configuration(proxyBeanMethods = false)
public class EscalationConfiguration {

    @Bean
    StatutoryClock statutoryClock(WorkingDayCalendar calendar, CalendarWarningSink calendarWarnings) {
        return new StatutoryClock(calendar, calendarWarnings);
    }

    @Bean
    WarningRaiser warningRaiser(StatutoryClock clock, WarningMailer mailer) {
        return new WarningRaiser(clock, mailer);
    }

    @Bean
    StatutoryClockPlugin statutoryClockPlugin(StatutoryClock clock, WarningRaiser raiser,
                                              ObjectProvider<SuspensionListener> suspensionListeners) {
        return new StatutoryClockPlugin(clock, raiser, () -> suspensionListeners.orderedStream().toList());
    }
}
