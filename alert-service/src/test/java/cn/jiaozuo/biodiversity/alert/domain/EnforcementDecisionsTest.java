package cn.jiaozuo.biodiversity.alert.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.AlertSnapshot;
import cn.jiaozuo.biodiversity.common.events.GeoPoint;
import cn.jiaozuo.biodiversity.common.events.IncidentSnapshot;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ENFORCEMENT rule without a database: severity and reason of an incident's alert, what it shows when generalized,
 * and the distance "near" is measured by. Plain JUnit; EnforcementAlertTest shows the same end to end.
 */
class EnforcementDecisionsTest {

    private static EnforcementDecisions.SpeciesKnowledge species(String kind) {
        return switch (kind) {
            case "none" -> EnforcementDecisions.SpeciesKnowledge.NONE;
            case "ordinary" -> new EnforcementDecisions.SpeciesKnowledge(true, true, false);
            case "sensitive" -> new EnforcementDecisions.SpeciesKnowledge(true, true, true);
            case "unknown" -> new EnforcementDecisions.SpeciesKnowledge(true, false, false);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0}, area {1}, species {2}, near sighting {3} → {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            FIRE            | -       | none      | true  | CRITICAL | false | Fire reported by a patrol
            FIRE            | nr-a    | sensitive | false | CRITICAL | false | Fire reported by a patrol
            SNARE           | -       | none      | false | HIGH     | false | Snare reported by a patrol
            TRAP            | -       | ordinary  | false | HIGH     | false | Trap reported by a patrol
            POACHING        | -       | unknown   | false | HIGH     | false | Poaching reported by a patrol
            SNARE           | nr-a    | none      | true  | CRITICAL | false | Snare inside protected area nr-a
            TRAP            | nr-a    | unknown   | false | CRITICAL | false | Trap inside a protected area
            SNARE           | -       | sensitive | false | CRITICAL | false | Snare concerning a sensitive species
            POACHING        | nr-a    | sensitive | true  | CRITICAL | false | Poaching concerning a sensitive species
            SNARE           | -       | none      | true  | CRITICAL | true  | Snare within 3 km of a sighting of a sensitive species in the last 30 days
            POACHING        | -       | ordinary  | true  | CRITICAL | true  | Poaching within 3 km of a sighting of a sensitive species in the last 30 days
            ILLEGAL_LOGGING | nr-a    | none      | true  | MEDIUM   | false | Illegal logging reported by a patrol
            ILLEGAL_GRAZING | -       | none      | false | MEDIUM   | false | Illegal grazing reported by a patrol
            MINING          | -       | none      | false | MEDIUM   | false | Mining reported by a patrol
            ILLEGAL_TRADE   | -       | sensitive | false | MEDIUM   | false | Illegal trade reported by a patrol
            CARCASS         | nr-a    | sensitive | true  | MEDIUM   | false | Carcass reported by a patrol
            DISTURBANCE     | -       | none      | false | MEDIUM   | false | Disturbance reported by a patrol
            OTHER           | -       | none      | false | MEDIUM   | false | Other reported by a patrol
            """)
    void an_incident_is_as_severe_as_the_first_case_that_holds(String type, String area, String kind, boolean near,
            Severity severity, boolean tellsOfSighting, String reason) {
        AtomicBoolean asked = new AtomicBoolean();
        EnforcementDecisions.Verdict verdict = EnforcementDecisions.verdict(type, area, species(kind), () -> {
            asked.set(true);
            return near;
        }, 3000, 30);

        assertEquals(severity, verdict.severity());
        assertEquals(reason, verdict.reason());
        assertEquals(tellsOfSighting, verdict.tellsOfSighting());
        boolean needed = EnforcementDecisions.AGAINST_WILDLIFE.contains(type) && area == null && !"sensitive".equals(kind);
        assertEquals(needed, asked.get(), "the sightings are looked up only when they can decide");
    }

    @ParameterizedTest(name = "radius {0} m reads {1}")
    @CsvSource(delimiter = '|', textBlock = """
            3000 | within 3 km
            2500 | within 2.5 km
            800  | within 800 m
            1234 | within 1234 m
            """)
    void the_reason_words_the_radius(double radiusM, String words) {
        assertTrue(EnforcementDecisions.verdict("TRAP", null, species("none"), () -> true, radiusM, 14).reason()
                .contains(words + " of a sighting of a sensitive species in the last 14 days"));
    }

    @ParameterizedTest(name = "species {0} generalizes: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            none      | false
            ordinary  | false
            sensitive | true
            unknown   | true
            """)
    void an_alert_is_generalized_for_a_sensitive_species_or_one_it_cannot_tell(String kind, boolean obscures) {
        assertEquals(obscures, species(kind).obscures());
    }

    @ParameterizedTest(name = "{0},{1} to {2},{3} ≈ {4} m")
    @CsvSource(delimiter = '|', textBlock = """
            35.2178 | 113.2431 | 35.2178 | 113.2431 | 0
            35.0    | 113.0    | 35.0270 | 113.0    | 3002
            35.0    | 113.0    | 35.0    | 113.0329 | 2997
            35.2178 | 113.2431 | 35.2448 | 113.2431 | 3002
            35.2    | 113.2    | 35.3    | 113.3    | 14356
            """)
    void near_is_measured_on_the_great_circle(double lat1, double lon1, double lat2, double lon2, long metres) {
        assertEquals(metres, EnforcementDecisions.distanceM(lat1, lon1, lat2, lon2), 2.0);
        double[] box = EnforcementDecisions.boxDegrees(lat1, 3000);
        assertTrue(EnforcementDecisions.distanceM(lat1, lon1, lat1 + box[0], lon1) >= 2999, "the box holds the circle north");
        assertTrue(EnforcementDecisions.distanceM(lat1, lon1, lat1, lon1 + box[1]) >= 2999, "and east");
    }

    private static IncidentSnapshot incident(String type, Long speciesId, String area) {
        return new IncidentSnapshot(UUID.randomUUID(), UUID.randomUUID(), type, "REMOVED", speciesId,
                new GeoPoint(35.2178, 113.2431, 8.0, "WGS84"), Instant.parse("2026-06-02T04:34:56.789Z"), 4,
                "Wire snares along a deer trail", List.of(), "410821", "ROUTINE", List.of("ranger-wang"), "ranger-wang", area);
    }

    @Test
    void an_open_alert_shows_the_incident_exactly_when_nothing_sensitive_is_involved() {
        IncidentSnapshot incident = incident("SNARE", null, "nr-a");
        EnforcementDecisions.Verdict verdict = new EnforcementDecisions.Verdict(Severity.CRITICAL, "why", false);
        Alert alert = EnforcementDecisions.open(incident, verdict, null, null, null, null, false);

        assertEquals(RuleCode.ENFORCEMENT, alert.rule);
        assertEquals(AlertStatus.OPEN, alert.status);
        assertEquals("why", alert.reason);
        assertNull(alert.speciesId);
        assertEquals(35.2178, alert.lat);
        assertEquals(113.2431, alert.lon);
        assertEquals(8.0, alert.accuracyM);
        assertEquals(incident.observedAt(), alert.firstObservedAt.toInstant());
        assertEquals(0, alert.observationCount);
        assertEquals(new AlertSnapshot.Incident("SNARE", 4, "REMOVED", "nr-a", incident.patrolUuid(), incident.uuid()),
                alert.incident());
        assertTrue(EnforcementDecisions.incidentRef(alert).contains(incident.uuid().toString()));
    }

    @Test
    void an_obscured_alert_shows_the_cell_the_hour_and_nothing_that_leads_to_the_incident() {
        IncidentSnapshot incident = incident("SNARE", 77L, "nr-a");
        EnforcementDecisions.Verdict verdict = new EnforcementDecisions.Verdict(Severity.CRITICAL, "why", true);
        Alert alert = EnforcementDecisions.open(incident, verdict, 77L, "Moschus berezovskii", "林麝", "MAMMAL", true);

        assertTrue(alert.obscured);
        assertEquals(35.25, alert.lat);
        assertEquals(113.25, alert.lon);
        assertNotEquals(8.0, alert.accuracyM);
        assertTrue(alert.accuracyM > 5000, "the uncertainty covers the cell");
        assertEquals(incident.observedAt().truncatedTo(ChronoUnit.HOURS), alert.firstObservedAt.toInstant());
        assertEquals(alert.createdAt.truncatedTo(ChronoUnit.HOURS), alert.createdAt);
        assertEquals(new AlertSnapshot.Incident("SNARE", 4, "REMOVED", null, null, null), alert.incident());
        assertEquals("", EnforcementDecisions.incidentRef(alert));
        assertEquals(77L, alert.speciesId);
        assertFalse(alert.toSnapshot().toString().contains(incident.uuid().toString()));
        assertFalse(alert.toSnapshot().toString().contains(incident.patrolUuid().toString()));
    }
}
