package cn.jiaozuo.biodiversity.alert.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The status rules of a control case, pure (no clock, no storage): what an action, a follow-up or a sighting does to
 * the status, when the negative streak eradicates, and when a follow-up is due or overdue.
 */
public final class ControlCaseStatusMachine {

    /** Why a status changed; published as {@code reason} of ControlCaseStatusChanged. */
    public enum Reason {
        FIRST_ACTION, NEGATIVE_FOLLOW_UP, POSITIVE_FOLLOW_UP, NEGATIVE_STREAK, SIGHTING,
        /** Closed by hand (POST /control-cases/{id}/close). */
        CLOSED_BY_HAND
    }

    /** A new status and why. */
    public record Transition(ControlCaseStatus to, Reason reason) {
    }

    /** One follow-up as the rules see it. */
    public record Survey(LocalDate on, boolean found) {
    }

    private ControlCaseStatusMachine() {
    }

    /** The first action puts a DETECTED case UNDER_CONTROL; later actions change no status. */
    public static Optional<Transition> onAction(ControlCaseStatus status) {
        return status == ControlCaseStatus.DETECTED
                ? Optional.of(new Transition(ControlCaseStatus.UNDER_CONTROL, Reason.FIRST_ACTION))
                : Optional.empty();
    }

    /**
     * A follow-up, with the case's surveys including this one and the last day the species was found otherwise
     * (a sighting; null if never). Positive: a CONTROLLED or ERADICATED case is UNDER_CONTROL again (a DETECTED or
     * UNDER_CONTROL one stays). Negative: ERADICATED when the streak qualifies, else CONTROLLED.
     */
    public static Optional<Transition> onFollowUp(ControlCaseStatus status, boolean found, Collection<Survey> surveys,
            LocalDate lastSighting, FollowUpSchedule schedule) {
        if (found) {
            return status == ControlCaseStatus.CONTROLLED || status == ControlCaseStatus.ERADICATED
                    ? Optional.of(new Transition(ControlCaseStatus.UNDER_CONTROL, Reason.POSITIVE_FOLLOW_UP))
                    : Optional.empty();
        }
        if (status == ControlCaseStatus.ERADICATED) {
            return Optional.empty();
        }
        if (eradicated(negativeStreak(surveys, lastSighting), schedule)) {
            return Optional.of(new Transition(ControlCaseStatus.ERADICATED, Reason.NEGATIVE_STREAK));
        }
        return status == ControlCaseStatus.CONTROLLED ? Optional.empty()
                : Optional.of(new Transition(ControlCaseStatus.CONTROLLED, Reason.NEGATIVE_FOLLOW_UP));
    }

    /**
     * Closing by hand: any case but an ERADICATED or CLOSED one (empty for those: eradication is the streak's verdict,
     * and a closed case stays closed).
     */
    public static Optional<Transition> onClose(ControlCaseStatus status) {
        return status == ControlCaseStatus.ERADICATED || status == ControlCaseStatus.CLOSED ? Optional.empty()
                : Optional.of(new Transition(ControlCaseStatus.CLOSED, Reason.CLOSED_BY_HAND));
    }

    /** A sighting of the species in the area reopens a CONTROLLED or ERADICATED case (never a CLOSED one). */
    public static Optional<Transition> onSighting(ControlCaseStatus status) {
        return status == ControlCaseStatus.CONTROLLED || status == ControlCaseStatus.ERADICATED
                ? Optional.of(new Transition(ControlCaseStatus.UNDER_CONTROL, Reason.SIGHTING))
                : Optional.empty();
    }

    /**
     * The days of the negative follow-ups after the last day the species was found (the latest positive follow-up or
     * {@code lastSighting}), oldest first: the current streak.
     */
    public static List<LocalDate> negativeStreak(Collection<Survey> surveys, LocalDate lastSighting) {
        LocalDate lastFound = lastSighting;
        for (Survey s : surveys) {
            if (s.found() && (lastFound == null || s.on().isAfter(lastFound))) {
                lastFound = s.on();
            }
        }
        LocalDate after = lastFound;
        return surveys.stream().filter(s -> !s.found() && (after == null || s.on().isAfter(after)))
                .map(Survey::on).sorted().toList();
    }

    /** Enough negatives, and from the first to the last of them at least the minimum period. */
    public static boolean eradicated(List<LocalDate> streak, FollowUpSchedule schedule) {
        return streak.size() >= schedule.negativesToEradicate() && !streak.isEmpty()
                && ChronoUnit.DAYS.between(streak.get(0), streak.get(streak.size() - 1)) >= schedule.minEradicationDays();
    }

    /**
     * When the next follow-up is due: one interval after the later of the last action and the last follow-up. Only
     * UNDER_CONTROL and CONTROLLED cases are followed up (a DETECTED case awaits its first action, an ERADICATED one
     * is done); null for the others.
     */
    public static LocalDate nextDue(ControlCaseStatus status, LocalDate lastAction, LocalDate lastFollowUp,
            FollowUpSchedule schedule) {
        if (status != ControlCaseStatus.UNDER_CONTROL && status != ControlCaseStatus.CONTROLLED) {
            return null;
        }
        LocalDate from = lastAction;
        if (lastFollowUp != null && (from == null || lastFollowUp.isAfter(from))) {
            from = lastFollowUp;
        }
        return from == null ? null : from.plusDays(schedule.intervalDays());
    }

    /**
     * The overdue period {@code today} falls in, named by its first day: {@code due} + k·interval for the largest k
     * with that day before {@code today}; null while not overdue ({@code today} ≤ due). A reminder per period: the
     * first the day after the due day, then one each interval while still overdue.
     */
    public static LocalDate overduePeriod(LocalDate due, LocalDate today, FollowUpSchedule schedule) {
        if (due == null || !today.isAfter(due)) {
            return null;
        }
        long late = ChronoUnit.DAYS.between(due, today) - 1;
        return due.plusDays(late / schedule.intervalDays() * schedule.intervalDays());
    }
}
