package cn.jiaozuo.biodiversity.alert.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.GeoPoint;
import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules' decisions without a database: which rules an observation fires, the severity of a new alert and
 * its reason, the aggregation day, how an alert takes an observation in, when it escalates, and what a
 * sensitive species' alert shows. Plain JUnit; the consumer-driven tests (InvasiveSpeciesRuleTest,
 * ProtectedSpeciesRuleTest, AlertAggregationTest) show the same rules end to end.
 */
class AlertDecisionsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneOffset CST = ZoneOffset.ofHours(8);
    private static final OffsetDateTime NOON = OffsetDateTime.of(2026, 6, 2, 12, 34, 56, 789_000_000, CST);

    private static SpeciesSnapshot species(boolean invasive, String protectionLevel, boolean sensitive) {
        return new SpeciesSnapshot(60, "Hyphantria cunea", "美国白蛾", "Fall webworm", "INSECT", protectionLevel, invasive,
                sensitive);
    }

    private static ObservationSnapshot observation(SpeciesSnapshot species, String county, String plot, OffsetDateTime at) {
        return new ObservationSnapshot(UUID.randomUUID(), species, 2, at, Instant.now(),
                new GeoPoint(35.2178, 113.2431, 12.0, "WGS84"), county, plot, "LINE_TRANSECT", null, "ranger-wang",
                "RANGER", "UNVERIFIED", null, null, null);
    }

    private static ObservationSnapshot at(ObservationSnapshot o, OffsetDateTime observedAt) {
        return observation(o.species(), o.countyCode(), o.plotCode(), observedAt);
    }

    private static ObservationSnapshot invasive(String county, String plot, boolean sensitive) {
        return observation(species(true, "NONE", sensitive), county, plot, NOON);
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    @ParameterizedTest(name = "invasive={0}, protection {1} fires {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            true  | NONE        | INVASIVE_SPECIES
            false | NATIONAL_I  | PROTECTED_SPECIES
            true  | NATIONAL_I  | INVASIVE_SPECIES PROTECTED_SPECIES
            false | NATIONAL_II | ''
            false | PROVINCIAL  | ''
            false | null        | ''
            false | national_i  | ''
            true  | null        | INVASIVE_SPECIES
            """)
    void the_rules_an_observation_fires_follow_the_species(boolean invasive, String protectionLevel, String expected) {
        List<RuleCode> rules = new ArrayList<>();
        for (String name : expected.isBlank() ? new String[0] : expected.split(" ")) {
            rules.add(RuleCode.valueOf(name));
        }
        assertEquals(rules, AlertDecisions.rulesFor(species(invasive, protectionLevel, false)));
    }

    @ParameterizedTest(name = "{0}, first in county {1}, county {2}, plot {3}, sensitive {4} → {5}")
    @CsvSource(delimiter = '|', textBlock = """
            PROTECTED_SPECIES | true  | 410821 | 410821-01 | false | INFO     | National class I protected species recorded
            PROTECTED_SPECIES | false | 410802 |           | true  | INFO     | National class I protected species recorded
            INVASIVE_SPECIES  | true  | 410802 |           | false | CRITICAL | First record of this invasive species in the county (spread into a new county)
            INVASIVE_SPECIES  | true  | 410821 | 410821-01 | false | CRITICAL | First record of this invasive species in the county (spread into a new county)
            INVASIVE_SPECIES  | false | 410821 |           | false | HIGH     | Invasive species recorded in a priority area county
            INVASIVE_SPECIES  | false | 410823 | 410823-02 | false | HIGH     | Invasive species recorded in a priority area county
            INVASIVE_SPECIES  | false | 410802 | 410802-01 | false | HIGH     | Invasive species recorded inside plot 410802-01
            INVASIVE_SPECIES  | false | 410802 | 410802-01 | true  | HIGH     | Invasive species recorded inside a sampling plot
            INVASIVE_SPECIES  | false | 410802 |           | false | MEDIUM   | Invasive species recorded
            INVASIVE_SPECIES  | false | 410811 |           | true  | MEDIUM   | Invasive species recorded
            INVASIVE_SPECIES  | false | 999999 |           | false | MEDIUM   | Invasive species recorded
            """)
    void a_new_alert_is_as_severe_as_the_first_case_that_holds(RuleCode rule, boolean firstInCounty, String county,
            String plot, boolean sensitive, Severity severity, String reason) {
        AlertDecisions.Verdict verdict = AlertDecisions.verdict(rule, invasive(county, blankToNull(plot), sensitive),
                firstInCounty);
        assertEquals(new AlertDecisions.Verdict(severity, reason), verdict);
    }

    @ParameterizedTest(name = "{0} observed {1} aggregates over {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            PROTECTED_SPECIES | 2026-06-01T23:59:59+08:00 | 2026-06-01
            PROTECTED_SPECIES | 2026-06-02T00:00:00+08:00 | 2026-06-02
            PROTECTED_SPECIES | 2026-06-01T15:59:59Z      | 2026-06-01
            PROTECTED_SPECIES | 2026-06-01T16:00:00Z      | 2026-06-02
            PROTECTED_SPECIES | 2026-06-01T20:00:00-05:00 | 2026-06-02
            INVASIVE_SPECIES  | 2026-06-01T23:59:59+08:00 | null
            """)
    void protected_species_aggregate_over_the_local_day_in_shanghai(RuleCode rule, OffsetDateTime observedAt,
            LocalDate day) {
        assertEquals(day, AlertDecisions.aggregationDay(rule, observedAt, SHANGHAI));
    }

    private static AlertRule rule(Integer threshold, Integer windowDays) {
        AlertRule rule = new AlertRule();
        rule.id = RuleCode.INVASIVE_SPECIES;
        rule.enabled = true;
        rule.escalationThreshold = threshold;
        rule.escalationWindowDays = windowDays;
        return rule;
    }

    private static Alert alert(Severity severity, boolean escalated) {
        Alert alert = AlertDecisions.open(RuleCode.INVASIVE_SPECIES, severity, invasive("410802", null, false), null);
        alert.escalated = escalated;
        return alert;
    }

    @ParameterizedTest(name = "escalated={0}, {1}, threshold {2} in {3} days, {4} live → {5}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            false | HIGH     | 5    | 7    | 4  | false
            false | HIGH     | 5    | 7    | 5  | true
            false | HIGH     | 5    | 7    | 6  | true
            false | MEDIUM   | 2    | 1    | 2  | true
            false | INFO     | 1000 | 365  | 999| false
            true  | HIGH     | 5    | 7    | 10 | false
            false | CRITICAL | 5    | 7    | 10 | false
            false | HIGH     | null | 7    | 10 | false
            false | HIGH     | 5    | null | 10 | false
            false | HIGH     | null | null | 10 | false
            """)
    void an_alert_escalates_once_when_the_window_holds_the_threshold(boolean escalated, Severity severity,
            Integer threshold, Integer windowDays, long live, boolean expected) {
        assertEquals(expected, AlertDecisions.escalates(rule(threshold, windowDays), alert(severity, escalated), since -> live));
    }

    @Test
    void the_escalation_window_ends_at_the_alerts_last_observation() {
        Alert alert = alert(Severity.HIGH, false);
        alert.lastObservedAt = NOON.plusDays(3);
        List<OffsetDateTime> asked = new ArrayList<>();
        AlertDecisions.escalates(rule(5, 7), alert, since -> {
            asked.add(since);
            return 0;
        });
        assertEquals(List.of(NOON.minusDays(4)), asked);
    }

    @Test
    void the_database_is_not_asked_when_the_alert_cannot_escalate() {
        Alert critical = alert(Severity.CRITICAL, false);
        assertFalse(AlertDecisions.escalates(rule(5, 7), critical, since -> {
            throw new AssertionError("counted although CRITICAL");
        }));
    }

    @Test
    void a_new_alert_holds_its_one_observation_exactly_when_the_species_is_not_sensitive() {
        ObservationSnapshot o = invasive("410802", "410802-01", false);
        Alert alert = AlertDecisions.open(RuleCode.INVASIVE_SPECIES, Severity.HIGH, o, null);

        assertEquals(AlertStatus.OPEN, alert.status);
        assertEquals(1, alert.observationCount);
        assertEquals("410802-01", alert.plotCode);
        assertEquals(35.2178, alert.lat);
        assertEquals(113.2431, alert.lon);
        assertEquals(12.0, alert.accuracyM);
        assertFalse(alert.obscured);
        assertEquals(NOON, alert.firstObservedAt);
        assertEquals(NOON, alert.lastObservedAt);
        assertEquals(alert.createdAt, alert.updatedAt);
        assertNull(alert.aggregationDay);
    }

    @Test
    void a_sensitive_species_alert_shows_its_cell_no_plot_and_times_to_the_hour() {
        ObservationSnapshot o = observation(species(false, "NATIONAL_I", true), "410821", "410821-01", NOON);
        Alert alert = AlertDecisions.open(RuleCode.PROTECTED_SPECIES, Severity.INFO, o, LocalDate.of(2026, 6, 2));

        assertTrue(alert.obscured);
        assertNull(alert.plotCode);
        assertEquals(35.25, alert.lat);
        assertEquals(113.25, alert.lon);
        assertTrue(alert.accuracyM > 5_000, "widened to cover the 0.1° cell: " + alert.accuracyM);
        assertEquals(OffsetDateTime.of(2026, 6, 2, 12, 0, 0, 0, CST), alert.firstObservedAt);
        assertEquals(alert.createdAt.truncatedTo(Alert.SENSITIVE_TIME_UNIT), alert.createdAt);
        assertEquals(LocalDate.of(2026, 6, 2), alert.aggregationDay);
        assertEquals("An observation", AlertDecisions.observationRef(alert, o));
    }

    @ParameterizedTest(name = "observed {0} h from noon: first {1} h, last {2} h")
    @CsvSource(delimiter = '|', textBlock = """
            -5 | -5 | 0
             5 |  0 | 5
             0 |  0 | 0
            """)
    void an_observation_widens_the_observed_period_only_outward(int hours, int first, int last) {
        Alert alert = alert(Severity.HIGH, false);
        AlertDecisions.count(alert, at(invasive("410802", null, false), NOON.plusHours(hours)));
        assertEquals(2, alert.observationCount);
        assertEquals(NOON.plusHours(first), alert.firstObservedAt);
        assertEquals(NOON.plusHours(last), alert.lastObservedAt);
    }

    @ParameterizedTest(name = "alert plot {0}, observation plot {1}, sensitive {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
                      | 410802-01 | false | 410802-01
            410802-02 | 410802-01 | false | 410802-02
                      | 410802-01 | true  |
                      |           | false |
            """)
    void an_alert_without_a_plot_takes_the_first_it_may_show(String alertPlot, String observationPlot, boolean sensitive,
            String expected) {
        Alert alert = alert(Severity.HIGH, false);
        alert.plotCode = blankToNull(alertPlot);
        AlertDecisions.count(alert, invasive("410802", blankToNull(observationPlot), sensitive));
        assertEquals(blankToNull(expected), alert.plotCode);
    }

    @Test
    void a_sensitive_alert_keeps_later_observations_to_the_hour_too() {
        ObservationSnapshot first = observation(species(false, "NATIONAL_I", true), "410821", null, NOON);
        Alert alert = AlertDecisions.open(RuleCode.PROTECTED_SPECIES, Severity.INFO, first, null);
        AlertDecisions.count(alert, at(first, NOON.plusMinutes(50)));
        assertEquals(OffsetDateTime.of(2026, 6, 2, 13, 0, 0, 0, CST), alert.lastObservedAt);
    }

    @Test
    void the_history_names_an_ordinary_observation_by_uuid() {
        ObservationSnapshot o = invasive("410802", null, false);
        Alert alert = AlertDecisions.open(RuleCode.INVASIVE_SPECIES, Severity.MEDIUM, o, null);
        assertEquals("Observation " + o.uuid(), AlertDecisions.observationRef(alert, o));
    }
}
