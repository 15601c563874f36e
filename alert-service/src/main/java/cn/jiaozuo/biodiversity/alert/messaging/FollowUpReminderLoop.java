package cn.jiaozuo.biodiversity.alert.messaging;

import cn.jiaozuo.biodiversity.alert.config.ControlCaseConfig;
import cn.jiaozuo.biodiversity.alert.domain.ControlCaseService;
import cn.jiaozuo.biodiversity.alert.domain.FollowUpReminders;
import cn.jiaozuo.biodiversity.common.runtime.Backoff;
import cn.jiaozuo.biodiversity.common.runtime.BackgroundLoop;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The reminder pass: every {@code control-cases.reminder-interval}, each overdue follow-up becomes a FOLLOW_UP_OVERDUE
 * alert once per overdue period. Every replica may run it: {@link FollowUpReminders#remind} claims each period with an
 * insert that only one transaction wins.
 */
@ApplicationScoped
public class FollowUpReminderLoop {

    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final FollowUpReminders reminders;
    private final ControlCaseService cases;
    private final ControlCaseConfig config;
    private volatile BackgroundLoop loop;

    public FollowUpReminderLoop(FollowUpReminders reminders, ControlCaseService cases, ControlCaseConfig config) {
        this.reminders = reminders;
        this.cases = cases;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.remindersEnabled()) {
            return;
        }
        loop = BackgroundLoop.named("follow-up-reminders")
                .every(config.reminderInterval())
                .backoff(Backoff.upTo(MAX_BACKOFF))
                .build(this::pass);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }

    /** One pass as of today; each case in a transaction of its own, so one failing case does not hold up the rest. */
    private boolean pass() {
        LocalDate today = cases.today();
        for (UUID id : reminders.overdue(today)) {
            reminders.remind(id, today);
        }
        return false;
    }
}
