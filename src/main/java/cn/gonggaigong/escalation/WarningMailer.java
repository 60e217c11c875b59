package cn.gonggaigong.escalation;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mails the notifications of a warning (and notices that are not one), after their commit, to the recipients that
 * have an e-mail address in the identity (Camunda's users, or Keycloak's). Off while no SMTP server is configured ({@code spring.mail.host}
 * unset: Spring Boot then makes no {@link JavaMailSender}); the in-app notifications are there either way. A
 * failed send is logged and left for the in-app notice; it never undoes the warning.
 */
@Component
public class WarningMailer implements WarningNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(WarningMailer.class);

    private final JdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final TransactionTemplate separateTransaction;
    /** The mail sender, looked up once: asking the bean factory after every warning cost 2.6 % of an escalation's CPU. */
    private volatile Optional<JavaMailSender> mailSender;

    public WarningMailer(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> sender, PlatformTransactionManager transactions,
                         @Value("${ggg.mail.from:gonggaigong@localhost}") String from) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.from = from;
        // Called after the engine's commit, still inside its transaction's synchronization: work in a new one.
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void raised(long warningId) {
        JavaMailSender mail = sender();
        if (mail != null) {
            separateTransaction.executeWithoutResult(status -> send(mail, jdbc.queryForList(
                    "select id, email, title, body from notification where warning_id = ? and email is not null and emailed_at is null",
                    warningId), "请登录系统查看并回告"));
        }
    }

    /**
     * E-mails notices written in the engine command of {@code context} once it commits (none if it rolls back): those
     * that are not a warning ({@link Notices#toGroups}), which take no 回告, and a 回告's notice to its urger.
     */
    public void afterCommit(CommandContext context, List<Long> notificationIds) {
        context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                committed -> noticed(notificationIds));
    }

    private void noticed(List<Long> notificationIds) {
        JavaMailSender mail = sender();
        if (mail != null && !notificationIds.isEmpty()) {
            separateTransaction.executeWithoutResult(status -> send(mail, jdbc.queryForList(
                    "select id, email, title, body from notification where id = any(?) and email is not null and emailed_at is null",
                    (Object) notificationIds.toArray(Long[]::new)), "请登录系统查看"));
        }
    }

    private JavaMailSender sender() {
        Optional<JavaMailSender> resolved = mailSender;
        if (resolved == null) {
            resolved = Optional.ofNullable(sender.getIfAvailable());
            mailSender = resolved;
        }
        return resolved.orElse(null);
    }

    private void send(JavaMailSender mail, List<Map<String, Object>> notifications, String footer) {
        for (Map<String, Object> n : notifications) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo((String) n.get("email"));
            message.setSubject((String) n.get("title"));
            message.setText(n.get("body") + "\n\n——普宁市“工改工”项目审批系统（" + footer + "）");
            try {
                mail.send(message);
                jdbc.update("update notification set emailed_at = ? where id = ?",
                        Timestamp.from(ClockUtil.getCurrentTime().toInstant()), n.get("id"));
            } catch (MailException e) {
                LOG.warn("预警邮件发送失败（通知 {}，{}）：{}", n.get("id"), n.get("email"), e.getMessage());
            }
        }
    }
}
