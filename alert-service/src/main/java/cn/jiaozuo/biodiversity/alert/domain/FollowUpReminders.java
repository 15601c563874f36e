package cn.jiaozuo.biodiversity.alert.domain;

import cn.jiaozuo.biodiversity.alert.config.AlertConfig;
import cn.jiaozuo.biodiversity.alert.repository.AlertHistoryRepository;
import cn.jiaozuo.biodiversity.alert.repository.AlertRepository;
import cn.jiaozuo.biodiversity.alert.repository.AlertRuleRepository;
import cn.jiaozuo.biodiversity.alert.repository.ControlCaseRepository;
import cn.jiaozuo.biodiversity.alert.repository.ControlCaseRows;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Overdue follow-ups as alerts of rule FOLLOW_UP_OVERDUE for the responsible unit's subscriptions: one per case and
 * overdue period ({@link ControlCaseStatusMachine#overduePeriod}), whichever replica or pass gets there first
 * (table {@code control_case_reminder}). The day is a parameter, so tests (and operators) can run a pass "as of" a
 * day; the background pass uses today in the bureaus' calendar.
 */
@ApplicationScoped
public class FollowUpReminders {

    private final ControlCaseRepository cases;
    private final ControlCaseRows rows;
    private final AlertRepository alerts;
    private final AlertRuleRepository rules;
    private final AlertHistoryRepository history;
    private final AlertEvents events;
    private final FollowUpSchedules schedules;
    private final ZoneId zone;

    public FollowUpReminders(ControlCaseRepository cases, ControlCaseRows rows, AlertRepository alerts,
            AlertRuleRepository rules, AlertHistoryRepository history, AlertEvents events, FollowUpSchedules schedules,
            AlertConfig config) {
        this.cases = cases;
        this.rows = rows;
        this.alerts = alerts;
        this.rules = rules;
        this.history = history;
        this.events = events;
        this.schedules = schedules;
        this.zone = ZoneId.of(config.zone());
    }

    /** The cases overdue on {@code day} (each then reminded in a transaction of its own). */
    @Transactional
    public List<UUID> overdue(LocalDate day) {
        AlertRule rule = rules.findById(RuleCode.FOLLOW_UP_OVERDUE);
        if (rule == null || !rule.enabled) {
            return List.of();
        }
        return cases.followedUp().stream().filter(c -> period(c, day) != null).map(c -> c.id).toList();
    }

    /** Raises the reminder of the case's current overdue period unless raised before; true when raised now. */
    @Transactional
    public boolean remind(UUID caseId, LocalDate day) {
        ControlCase c = cases.findForUpdate(caseId).orElse(null);
        LocalDate period = c == null ? null : period(c, day);
        if (period == null) {
            return false; // followed up (or closed) since the pass listed it
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Alert alert = alerts.findLiveForUpdate(RuleCode.FOLLOW_UP_OVERDUE, c.speciesId, c.countyCode, period,
                c.responsibleOrg).orElse(null);
        boolean fresh = alert == null;
        if (fresh) {
            alert = reminder(c, period, now);
        }
        if (!rows.claimReminder(c.id, period, alert.id, now)) {
            return false;
        }
        LocalDate due = ControlCaseStatusMachine.nextDue(c.status, c.lastActionOn, c.lastFollowUpOn,
                schedules.forSpecies(c.scientificName));
        String details = "Control case " + c.id + ": follow-up survey due on " + due + " (every "
                + schedules.forSpecies(c.scientificName).intervalDays() + " days), responsible " + c.responsibleOrg;
        if (fresh) {
            alerts.persist(alert);
            history.persist(AlertHistoryEntry.of(alert, "RAISED", AlertHistoryEntry.SYSTEM, details));
            events.publish(EventTypes.ALERT_RAISED, alert);
        } else {
            alert.observationCount++;
            alert.touch();
            history.persist(AlertHistoryEntry.of(alert, "FOLLOW_UP_OVERDUE", AlertHistoryEntry.SYSTEM, details));
            events.publish(EventTypes.ALERT_UPDATED, alert);
        }
        return true;
    }

    private LocalDate period(ControlCase c, LocalDate day) {
        FollowUpSchedule schedule = schedules.forSpecies(c.scientificName);
        return ControlCaseStatusMachine.overduePeriod(
                ControlCaseStatusMachine.nextDue(c.status, c.lastActionOn, c.lastFollowUpOn, schedule), day, schedule);
    }

    /**
     * A MEDIUM alert for the responsible unit; observationCount counts the overdue cases it reminds of, the observed
     * times are the last day anyone was on the site.
     */
    private Alert reminder(ControlCase c, LocalDate period, Instant now) {
        LocalDate lastVisit = c.lastFollowUpOn != null && (c.lastActionOn == null || c.lastFollowUpOn.isAfter(c.lastActionOn))
                ? c.lastFollowUpOn : c.lastActionOn;
        Alert a = new Alert();
        a.id = UUID.randomUUID();
        a.rule = RuleCode.FOLLOW_UP_OVERDUE;
        a.severity = Severity.MEDIUM;
        a.status = AlertStatus.OPEN;
        a.speciesId = c.speciesId;
        a.scientificName = c.scientificName;
        a.chineseName = c.chineseName;
        a.countyCode = c.countyCode;
        a.aggregationDay = period;
        a.observationCount = 1;
        a.firstObservedAt = lastVisit.atStartOfDay(zone).toOffsetDateTime();
        a.lastObservedAt = a.firstObservedAt;
        a.lat = c.lat;
        a.lon = c.lon;
        a.obscured = false;
        a.escalated = false;
        a.audienceOrg = c.responsibleOrg;
        a.notes = "Follow-up survey of control case " + c.id + " is overdue";
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }
}
