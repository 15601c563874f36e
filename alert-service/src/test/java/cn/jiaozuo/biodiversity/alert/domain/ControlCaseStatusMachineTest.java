package cn.jiaozuo.biodiversity.alert.domain;

import static cn.jiaozuo.biodiversity.alert.domain.ControlCaseStatus.CONTROLLED;
import static cn.jiaozuo.biodiversity.alert.domain.ControlCaseStatus.DETECTED;
import static cn.jiaozuo.biodiversity.alert.domain.ControlCaseStatus.ERADICATED;
import static cn.jiaozuo.biodiversity.alert.domain.ControlCaseStatus.UNDER_CONTROL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.alert.domain.ControlCaseStatusMachine.Reason;
import cn.jiaozuo.biodiversity.alert.domain.ControlCaseStatusMachine.Survey;
import cn.jiaozuo.biodiversity.alert.domain.ControlCaseStatusMachine.Transition;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The status rules of control cases, without storage: 美国白蛾's schedule (every 14 days; 3 negatives over 60 days). */
class ControlCaseStatusMachineTest {

    private static final FollowUpSchedule WEBWORM = new FollowUpSchedule(14, 3, 60);
    private static final LocalDate D = LocalDate.of(2026, 6, 1);

    @Test
    void the_first_action_puts_a_detected_case_under_control_and_later_ones_change_nothing() {
        assertEquals(Optional.of(new Transition(UNDER_CONTROL, Reason.FIRST_ACTION)), ControlCaseStatusMachine.onAction(DETECTED));
        for (ControlCaseStatus s : List.of(UNDER_CONTROL, CONTROLLED, ERADICATED)) {
            assertTrue(ControlCaseStatusMachine.onAction(s).isEmpty(), s.name());
        }
    }

    @Test
    void a_negative_follow_up_controls_and_the_streak_eradicates_only_when_long_and_numerous_enough() {
        List<Survey> surveys = new ArrayList<>();
        surveys.add(new Survey(D, false));
        assertEquals(Optional.of(new Transition(CONTROLLED, Reason.NEGATIVE_FOLLOW_UP)),
                ControlCaseStatusMachine.onFollowUp(UNDER_CONTROL, false, surveys, null, WEBWORM));
        surveys.add(new Survey(D.plusDays(14), false));
        assertTrue(ControlCaseStatusMachine.onFollowUp(CONTROLLED, false, surveys, null, WEBWORM).isEmpty());
        surveys.add(new Survey(D.plusDays(59), false));
        assertTrue(ControlCaseStatusMachine.onFollowUp(CONTROLLED, false, surveys, null, WEBWORM).isEmpty(),
                "3 negatives spanning 59 days: one day short");
        surveys.add(new Survey(D.plusDays(60), false));
        assertEquals(Optional.of(new Transition(ERADICATED, Reason.NEGATIVE_STREAK)),
                ControlCaseStatusMachine.onFollowUp(CONTROLLED, false, surveys, null, WEBWORM));
    }

    @Test
    void two_negatives_never_eradicate_however_far_apart() {
        List<Survey> surveys = List.of(new Survey(D, false), new Survey(D.plusDays(200), false));
        assertEquals(CONTROLLED, ControlCaseStatusMachine.onFollowUp(UNDER_CONTROL, false, surveys, null, WEBWORM)
                .orElseThrow().to());
    }

    @Test
    void a_positive_follow_up_reopens_and_restarts_the_streak() {
        assertEquals(Optional.of(new Transition(UNDER_CONTROL, Reason.POSITIVE_FOLLOW_UP)),
                ControlCaseStatusMachine.onFollowUp(CONTROLLED, true, List.of(), null, WEBWORM));
        assertEquals(Optional.of(new Transition(UNDER_CONTROL, Reason.POSITIVE_FOLLOW_UP)),
                ControlCaseStatusMachine.onFollowUp(ERADICATED, true, List.of(), null, WEBWORM));
        assertTrue(ControlCaseStatusMachine.onFollowUp(UNDER_CONTROL, true, List.of(), null, WEBWORM).isEmpty());
        assertTrue(ControlCaseStatusMachine.onFollowUp(DETECTED, true, List.of(), null, WEBWORM).isEmpty());

        List<Survey> surveys = List.of(new Survey(D, false), new Survey(D.plusDays(30), false),
                new Survey(D.plusDays(31), true), new Survey(D.plusDays(45), false), new Survey(D.plusDays(100), false));
        assertEquals(List.of(D.plusDays(45), D.plusDays(100)), ControlCaseStatusMachine.negativeStreak(surveys, null));
        assertEquals(CONTROLLED, ControlCaseStatusMachine.onFollowUp(UNDER_CONTROL, false, surveys, null, WEBWORM)
                .orElseThrow().to(), "only two negatives since the species was found again");
    }

    @Test
    void a_sighting_reopens_a_controlled_or_eradicated_case_and_restarts_the_streak() {
        assertEquals(Optional.of(new Transition(UNDER_CONTROL, Reason.SIGHTING)), ControlCaseStatusMachine.onSighting(ERADICATED));
        assertEquals(Optional.of(new Transition(UNDER_CONTROL, Reason.SIGHTING)), ControlCaseStatusMachine.onSighting(CONTROLLED));
        assertTrue(ControlCaseStatusMachine.onSighting(UNDER_CONTROL).isEmpty());
        assertTrue(ControlCaseStatusMachine.onSighting(DETECTED).isEmpty());

        List<Survey> surveys = List.of(new Survey(D, false), new Survey(D.plusDays(30), false), new Survey(D.plusDays(61), false));
        assertEquals(3, ControlCaseStatusMachine.negativeStreak(surveys, null).size());
        assertEquals(List.of(D.plusDays(61)), ControlCaseStatusMachine.negativeStreak(surveys, D.plusDays(40)));
    }

    @Test
    void a_negative_follow_up_of_an_eradicated_case_changes_nothing() {
        List<Survey> surveys = List.of(new Survey(D, false), new Survey(D.plusDays(30), false), new Survey(D.plusDays(61), false));
        assertTrue(ControlCaseStatusMachine.onFollowUp(ERADICATED, false, surveys, null, WEBWORM).isEmpty());
    }

    @Test
    void follow_ups_are_due_an_interval_after_the_last_visit_and_overdue_periods_follow_each_interval() {
        assertNull(ControlCaseStatusMachine.nextDue(DETECTED, null, null, WEBWORM), "awaiting its first action");
        assertNull(ControlCaseStatusMachine.nextDue(ERADICATED, D, D, WEBWORM));
        assertEquals(D.plusDays(14), ControlCaseStatusMachine.nextDue(UNDER_CONTROL, D, null, WEBWORM));
        assertEquals(D.plusDays(24), ControlCaseStatusMachine.nextDue(CONTROLLED, D, D.plusDays(10), WEBWORM));
        assertEquals(D.plusDays(24), ControlCaseStatusMachine.nextDue(CONTROLLED, D.plusDays(10), D, WEBWORM));

        LocalDate due = D.plusDays(14);
        assertNull(ControlCaseStatusMachine.overduePeriod(due, due, WEBWORM), "due today is not overdue");
        assertEquals(due, ControlCaseStatusMachine.overduePeriod(due, due.plusDays(1), WEBWORM));
        assertEquals(due, ControlCaseStatusMachine.overduePeriod(due, due.plusDays(14), WEBWORM));
        assertEquals(due.plusDays(14), ControlCaseStatusMachine.overduePeriod(due, due.plusDays(15), WEBWORM));
        assertNull(ControlCaseStatusMachine.overduePeriod(null, due, WEBWORM));
    }

    @Test
    void any_open_case_can_be_closed_by_hand_but_not_an_eradicated_or_closed_one_and_nothing_reopens_it() {
        for (ControlCaseStatus s : List.of(DETECTED, UNDER_CONTROL, CONTROLLED)) {
            assertEquals(Optional.of(new Transition(ControlCaseStatus.CLOSED, Reason.CLOSED_BY_HAND)),
                    ControlCaseStatusMachine.onClose(s), s.name());
        }
        assertTrue(ControlCaseStatusMachine.onClose(ERADICATED).isEmpty());
        assertTrue(ControlCaseStatusMachine.onClose(ControlCaseStatus.CLOSED).isEmpty());
        assertTrue(ControlCaseStatusMachine.onSighting(ControlCaseStatus.CLOSED).isEmpty());
        assertTrue(ControlCaseStatusMachine.onAction(ControlCaseStatus.CLOSED).isEmpty());
    }
}
