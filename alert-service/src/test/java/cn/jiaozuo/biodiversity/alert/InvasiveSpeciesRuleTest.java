package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.CST;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.JIEFANG;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.SHANYANG;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.WUZHI;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.XIUWU;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.alert;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.alertsOf;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.awaitAlerts;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.invasive;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.observation;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.ordinary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** INVASIVE_SPECIES: which observation raises which severity, and what is published. */
@QuarkusTest
class InvasiveSpeciesRuleTest extends ObservationEventsFixture {

    /** The species was recorded in the county before it was listed invasive: later records are not "first". */
    private SpeciesSnapshot alreadyRecordedIn(String county) {
        long id = newSpeciesId();
        SpeciesSnapshot before = invasive(id);
        events.recorded(observation(new SpeciesSnapshot(id, before.scientificName(), before.chineseName(),
                before.englishName(), before.group(), before.protectionLevel(), false, false), county));
        return before;
    }

    /** A new record of a species already known in the county (plot: null for none); returns the alert it raised. */
    private Map<String, Object> alertOnAKnownSpecies(String county, String plot) {
        SpeciesSnapshot species = alreadyRecordedIn(county);
        events.recorded(observation(species, county, plot, OffsetDateTime.now(CST).minusHours(1)));
        return awaitAlerts(species.id(), 1).get(0);
    }

    @Test
    void the_first_record_of_an_invasive_species_in_a_county_raises_a_critical_alert_on_topic_alerts_within_2_seconds() {
        // Given a running consumer (its group is joined): latency is measured in steady state.
        SpeciesSnapshot warmUp = invasive(newSpeciesId());
        events.recorded(observation(warmUp, JIEFANG));
        awaitAlerts(warmUp.id(), 1);
        SpeciesSnapshot species = invasive(newSpeciesId());
        ObservationSnapshot o = observation(species, JIEFANG);

        long sent = System.nanoTime();
        events.recorded(o);

        List<ConsumerRecord<String, String>> raised = events.kafka().await(Topics.ALERTS,
                r -> r.value().contains("\"speciesId\":" + species.id()), 1, Duration.ofSeconds(15));
        long latencyMs = Duration.ofNanos(System.nanoTime() - sent).toMillis();
        assertEquals(1, raised.size());
        assertTrue(latencyMs < 2_000, "observation to alerts topic took " + latencyMs + " ms");
        ConsumerRecord<String, String> record = raised.get(0);
        assertEquals(JIEFANG, record.key(), "alert events are keyed by county");
        assertEquals("AlertRaised", new String(record.headers().lastHeader("eventType").value()));
        JsonNode event = read(record.value());
        assertEquals("AlertRaised", event.path("type").asText());
        assertEquals("CRITICAL", event.path("data").path("severity").asText());
        assertEquals("INVASIVE_SPECIES", event.path("data").path("rule").asText());
        assertEquals("OPEN", event.path("data").path("status").asText());
        assertEquals(1, event.path("data").path("observationCount").asInt());

        Map<String, Object> alert = awaitAlerts(species.id(), 1).get(0);
        assertEquals("CRITICAL", alert.get("severity"));
        assertEquals(species.chineseName(), alert.get("chineseName"));
        assertEquals(JIEFANG, alert.get("countyCode"));
        var detail = alert(alert.get("id"));
        assertEquals(List.of(o.uuid().toString()), detail.getList("observationUuids"));
        assertEquals("RAISED", detail.getString("history[0].action"));
        assertEquals("system", detail.getString("history[0].actor"));
    }

    @Test
    void a_known_invasive_species_in_a_priority_area_county_raises_a_high_alert() {
        assertEquals("HIGH", alertOnAKnownSpecies(XIUWU, null).get("severity"));
    }

    @Test
    void a_known_invasive_species_inside_a_plot_raises_a_high_alert() {
        Map<String, Object> alert = alertOnAKnownSpecies(SHANYANG, "SY-URB-001");
        assertEquals("HIGH", alert.get("severity"));
        assertEquals("SY-URB-001", alert.get("plotCode"));
    }

    @Test
    void a_known_invasive_species_outside_priority_areas_and_plots_raises_a_medium_alert() {
        assertEquals("MEDIUM", alertOnAKnownSpecies(JIEFANG, null).get("severity"));
    }

    @Test
    void spread_into_a_second_county_is_again_critical_and_a_separate_alert() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        events.recorded(observation(species, XIUWU));
        events.recorded(observation(species, WUZHI));

        List<Map<String, Object>> alerts = awaitAlerts(species.id(), 2);
        assertTrue(alerts.stream().allMatch(a -> "CRITICAL".equals(a.get("severity"))));
        assertEquals(List.of(XIUWU, WUZHI), alerts.stream().map(a -> (String) a.get("countyCode")).sorted().toList());
    }

    @Test
    void an_ordinary_species_raises_no_alert() {
        ObservationSnapshot sparrow = observation(ordinary(newSpeciesId()), JIEFANG);
        events.recorded(sparrow);
        events.awaitConsumed(sparrow);
        assertEquals(List.of(), alertsOf(sparrow.species().id()));
    }

    @Test
    void a_sensitive_species_alert_carries_only_the_generalized_cell() {
        long id = newSpeciesId();
        SpeciesSnapshot species = new SpeciesSnapshot(id, "Bursaphelenchus xylophilus " + id, "松材线虫",
                "Pine wood nematode", "NEMATODE", "NONE", true, true);
        events.recorded(observation(species, JIEFANG));

        Map<String, Object> alert = awaitAlerts(id, 1).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> location = (Map<String, Object>) alert.get("location");
        assertEquals(true, location.get("obscured"));
        assertEquals(35.25, ((Number) location.get("lat")).doubleValue(), 1e-9);
        assertEquals(113.25, ((Number) location.get("lon")).doubleValue(), 1e-9);
        List<ConsumerRecord<String, String>> published = events.kafka().await(Topics.ALERTS,
                r -> r.value().contains("\"speciesId\":" + id), 1, Duration.ofSeconds(10));
        assertTrue(!published.get(0).value().contains("35.2178"), "the exact latitude never leaves the service");
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
