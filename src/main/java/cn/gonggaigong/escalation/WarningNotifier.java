package cn.gonggaigong.escalation;

/**
 * Told after the commit of a new warning (or urging) and its in-app notifications: sends what else should go out
 * (in the application: the e-mails, {@link WarningMailer}).
 */
@FunctionalInterface
public interface WarningNotifier {

    WarningNotifier NONE = warningId -> { };

    void raised(long warningId);
}
