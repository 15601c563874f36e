package cn.jiaozuo.biodiversity.alert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.GeoPoint;
import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test data as the observation service would publish it: envelopes of the common records, sent to
 * the real topic {@code observations}. Species ids are random so "first record in the county" is
 * fresh for every test.
 */
final class ObservationEvents implements AutoCloseable {

    static final String XIUWU = "410821";      // Taihang priority area
    static final String WUZHI = "410823";      // Yellow River priority area
    static final String JIEFANG = "410802";    // urban district, no priority area
    static final String SHANYANG = "410811";   // urban district, no priority area
    static final String BOAI = "410822";       // Taihang priority area
    static final String MENGZHOU = "410883";   // Yellow River priority area
    static final ZoneOffset CST = ZoneOffset.ofHours(8);

    private final ObjectMapper json;
    private final KafkaTestClient kafka = KafkaTestClient.create();

    ObservationEvents(ObjectMapper json) {
        this.json = json;
    }

    static long newSpeciesId() {
        return ThreadLocalRandom.current().nextLong(1_000_000L, 1_000_000_000_000L);
    }

    static SpeciesSnapshot invasive(long id) {
        return new SpeciesSnapshot(id, "Hyphantria cunea " + id, "美国白蛾", "Fall webworm", "INSECT", "NONE", true, false);
    }

    static SpeciesSnapshot ordinary(long id) {
        return new SpeciesSnapshot(id, "Passer montanus " + id, "麻雀", "Eurasian tree sparrow", "BIRD", "NONE", false, false);
    }

    static SpeciesSnapshot nationalClassOne(long id, boolean sensitive) {
        return new SpeciesSnapshot(id, "Panthera pardus japonensis " + id, "华北豹", "North China leopard", "MAMMAL",
                "NATIONAL_I", false, sensitive);
    }

    static ObservationSnapshot observation(SpeciesSnapshot species, String county, String plot, OffsetDateTime at) {
        return new ObservationSnapshot(UUID.randomUUID(), species, 2, at, Instant.now(),
                new GeoPoint(35.2178, 113.2431, 12.0, "WGS84"), county, plot, "LINE_TRANSECT", null, "ranger-wang",
                "RANGER", "UNVERIFIED", null, null, null);
    }

    static ObservationSnapshot observation(SpeciesSnapshot species, String county) {
        return observation(species, county, null, OffsetDateTime.now(CST).minusHours(1));
    }

    static ObservationSnapshot rejected(ObservationSnapshot o) {
        return new ObservationSnapshot(o.uuid(), o.species(), o.count(), o.observedAt(), o.recordedAt(), o.location(),
                o.countyCode(), o.plotCode(), o.method(), o.stationId(), o.observer(), o.source(), "REJECTED",
                "reviewer-chen", "Misidentified: native Spilosoma", Instant.now());
    }

    static ObservationSnapshot verified(ObservationSnapshot o) {
        return new ObservationSnapshot(o.uuid(), o.species(), o.count(), o.observedAt(), o.recordedAt(), o.location(),
                o.countyCode(), o.plotCode(), o.method(), o.stationId(), o.observer(), o.source(), "VERIFIED",
                "reviewer-liu", "Confirmed from the photo", Instant.now());
    }

    /** Sends ObservationRecorded; returns the envelope (to send it again). */
    EventEnvelope<ObservationSnapshot> recorded(ObservationSnapshot o) {
        EventEnvelope<ObservationSnapshot> envelope = EventEnvelope.of(EventTypes.OBSERVATION_RECORDED,
                "observation-service", o);
        send(envelope);
        return envelope;
    }

    EventEnvelope<ObservationSnapshot> reviewed(ObservationSnapshot o) {
        EventEnvelope<ObservationSnapshot> envelope = EventEnvelope.of(EventTypes.OBSERVATION_REVIEWED,
                "observation-service", o);
        send(envelope);
        return envelope;
    }

    void send(EventEnvelope<ObservationSnapshot> envelope) {
        send(envelope.data().key(), envelope);
    }

    private void send(String key, EventEnvelope<ObservationSnapshot> envelope) {
        try {
            kafka.send(Topics.OBSERVATIONS, key, json.writeValueAsString(envelope));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the consumer has applied everything sent so far on {@code o}'s partition: sends a sentinel (an
     * observation of a fresh invasive species, under {@code o}'s key) and waits for its alert. One consumer applies a
     * partition in order, so what the earlier events did or did not do is final then, where a fixed wait would also
     * pass with a dead consumer. Returns the sentinel species' id: its events on {@code alerts} likewise follow the
     * earlier ones (one outbox relay, in commit order).
     */
    long awaitConsumed(ObservationSnapshot o) {
        SpeciesSnapshot sentinel = invasive(newSpeciesId());
        send(o.key(), EventEnvelope.of(EventTypes.OBSERVATION_RECORDED, "observation-service", observation(sentinel, o.countyCode())));
        awaitAlerts(sentinel.id(), 1);
        return sentinel.id();
    }

    void sendRaw(String key, String value) {
        kafka.send(Topics.OBSERVATIONS, key, value);
    }

    KafkaTestClient kafka() {
        return kafka;
    }

    /** GET /alerts?speciesId=… as bureau. */
    static List<Map<String, Object>> alertsOf(long speciesId) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).queryParam("speciesId", speciesId)
                .when().get("/alerts").then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** Waits until the species has {@code count} alerts matching the extra condition. */
    static List<Map<String, Object>> awaitAlerts(long speciesId, int count,
            java.util.function.Predicate<List<Map<String, Object>>> condition) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> alertsOf(speciesId), list -> list.size() == count && condition.test(list));
    }

    static List<Map<String, Object>> awaitAlerts(long speciesId, int count) {
        return awaitAlerts(speciesId, count, list -> true);
    }

    static JsonPath alert(Object id) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when().get("/alerts/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    @Override
    public void close() {
        kafka.close();
    }
}
