package cn.jiaozuo.biodiversity.observation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The species catalog on topic {@code species} (compacted, key = species id): one {@code SpeciesUpserted} per create
 * and per change, through the outbox; the catalog seeded by migrations is published once at startup; a species
 * changed behind the service's back (a migration, a pod of the previous release) is published by the backlog step.
 */
@QuarkusTest
class SpeciesEventsTest {

    private static final String ADMIN = TestTokens.bearer(Roles.ADMIN);

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    private static Map<String, Object> newSpecies() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>();
        body.put("scientificName", "Eventus species" + tag);
        body.put("chineseName", "事件种" + tag);
        body.put("englishName", "Event species " + tag);
        body.put("group", "BIRD");
        body.put("protectionLevel", "NONE");
        body.put("invasive", false);
        body.put("sensitive", false);
        return body;
    }

    private static long create(Map<String, Object> body) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).when().post("/species")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void update(long id, Map<String, Object> body) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).when().put("/species/" + id)
                .then().statusCode(200);
    }

    /** Creates a species and matches its event: one relay publishes in commit order, so it follows what came before. */
    private static Predicate<ConsumerRecord<String, String>> sentinel() {
        String id = Long.toString(create(newSpecies()));
        return r -> id.equals(r.key());
    }

    private static String type(ConsumerRecord<String, String> r) {
        return new String(r.headers().lastHeader(Topics.HEADER_EVENT_TYPE).value(), StandardCharsets.UTF_8);
    }

    private SpeciesSnapshot data(ConsumerRecord<String, String> r) throws Exception {
        JsonNode envelope = json.readTree(r.value());
        assertEquals(EventTypes.SPECIES_UPSERTED, envelope.get("type").asText());
        assertEquals(EventTypes.SPECIES_UPSERTED, type(r));
        assertEquals("observation-service", envelope.get("source").asText());
        return json.treeToValue(envelope.get("data"), SpeciesSnapshot.class);
    }

    @Test
    void a_new_species_is_published_once_with_its_snapshot() throws Exception {
        Map<String, Object> body = newSpecies();
        long id = create(body);
        String key = Long.toString(id);
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            // Ids come from each test database's sequence while the broker outlives them: the name is this run's.
            List<ConsumerRecord<String, String>> records = kafka.beforeSentinel(Topics.SPECIES, sentinel(),
                    r -> key.equals(r.key()) && r.value().contains((String) body.get("scientificName")), Duration.ofSeconds(20));
            assertEquals(1, records.size());
            assertEquals(new SpeciesSnapshot(id, (String) body.get("scientificName"), (String) body.get("chineseName"),
                    (String) body.get("englishName"), "BIRD", "NONE", false, false), data(records.get(0)));
        }
    }

    @Test
    void each_change_of_protection_or_sensitivity_publishes_the_species_again() throws Exception {
        Map<String, Object> body = newSpecies();
        long id = create(body);
        body.put("protectionLevel", "NATIONAL_II");
        update(id, body);
        body.put("sensitive", true);
        update(id, body);
        String key = Long.toString(id);
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            List<ConsumerRecord<String, String>> records = kafka.beforeSentinel(Topics.SPECIES, sentinel(),
                    r -> key.equals(r.key()) && r.value().contains((String) body.get("scientificName")), Duration.ofSeconds(20));
            assertEquals(3, records.size());
            // In order on the key's partition: the newest event per key is the species as it is now.
            assertEquals(List.of("NONE", "NATIONAL_II", "NATIONAL_II"), records.stream().map(r -> snapshot(r).protectionLevel()).toList());
            assertEquals(List.of(false, false, true), records.stream().map(r -> snapshot(r).sensitive()).toList());
        }
    }

    @Test
    void a_refused_change_publishes_nothing() {
        Map<String, Object> taken = newSpecies();
        create(taken);
        Map<String, Object> clash = newSpecies();
        clash.put("chineseName", taken.get("chineseName"));
        String scientificName = (String) clash.get("scientificName");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(clash).when().post("/species")
                .then().statusCode(409);
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            assertEquals(0, kafka.beforeSentinel(Topics.SPECIES, sentinel(), r -> r.value().contains(scientificName),
                    Duration.ofSeconds(20)).size());
        }
    }

    @Test
    void the_seeded_catalog_is_published_at_startup() throws Exception {
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            // 华北豹, id 1 in V1: seeded by a migration, never written through the API. The broker outlives each test
            // database, and every database publishes its seed once: one or more.
            List<ConsumerRecord<String, String>> leopard = kafka.await(Topics.SPECIES, r -> "1".equals(r.key()), 1,
                    Duration.ofSeconds(30));
            assertFalse(leopard.isEmpty());
            SpeciesSnapshot s = data(leopard.get(leopard.size() - 1));
            assertEquals(new SpeciesSnapshot(1, "Panthera pardus japonensis", "华北豹", "North China leopard", "MAMMAL",
                    "NATIONAL_I", false, true), s);
        }
        long seeded = count("select count(*) from species where id < 1000");
        assertTrue(seeded > 0, "the seed has the plan's species");
        // The startup step marks every row it published; nothing is left behind (polls: it may still be running).
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("select count(*) from species where published_updated_at is distinct from updated_at") == 0);
    }

    @Test
    void a_species_changed_behind_the_service_is_published_by_the_backlog_step() throws Exception {
        Map<String, Object> body = newSpecies();
        String scientificName = (String) body.get("scientificName");
        long id = create(body);
        String english = "Changed by a migration " + UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "update species set english_name = ?, updated_at = now() where id = ?")) {
            update.setString(1, english);
            update.setLong(2, id);
            assertEquals(1, update.executeUpdate());
        }
        String key = Long.toString(id);
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            List<ConsumerRecord<String, String>> changed = kafka.await(Topics.SPECIES,
                    r -> key.equals(r.key()) && r.value().contains(english), 1, Duration.ofSeconds(30));
            assertEquals(1, changed.size());
            assertEquals(english, data(changed.get(0)).englishName());
            // Published once: later checks (every second in tests) leave it alone.
            List<ConsumerRecord<String, String>> all = kafka.beforeSentinel(Topics.SPECIES, sentinel(),
                    r -> key.equals(r.key()) && r.value().contains(scientificName), Duration.ofSeconds(20));
            assertEquals(2, all.size(), "the create and the change behind the service's back");
            assertFalse(snapshot(all.get(0)).englishName().equals(english));
        }
    }

    private SpeciesSnapshot snapshot(ConsumerRecord<String, String> r) {
        try {
            return data(r);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql);
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
