package cn.jiaozuo.biodiversity.e2e.faults;

import static cn.jiaozuo.biodiversity.e2e.E2eStack.ALERTS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.OBSERVATIONS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.as;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.e2e.Sightings;
import cn.jiaozuo.biodiversity.e2e.TopicReader;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Kafka is stopped for 30 s while 1,000 observations stream in: every one is answered 201, and
 * once the broker is back every event is published exactly once and the alert appears exactly once.
 */
class KafkaOutageIT {

    private static final String WENXIAN = "410825";
    private static final int OBSERVATIONS_COUNT = 1000;
    private static final int INVASIVE_EVERY = 10; // 100 加拿大一枝黄花 records among 1,000

    @Test
    void intake_goes_on_while_kafka_is_down_and_nothing_is_lost_or_duplicated() throws Exception {
        List<Map<String, Object>> sightings = new ArrayList<>();
        for (int i = 0; i < OBSERVATIONS_COUNT; i++) {
            sightings.add(Sightings.sighting(i % INVASIVE_EVERY == 0 ? Sightings.SOLIDAGO_CANADENSIS
                    : Sightings.ARDEA_CINEREA, WENXIAN));
        }
        Set<String> uuids = sightings.stream().map(s -> s.get("uuid").toString()).collect(Collectors.toSet());
        Set<String> invasive = sightings.stream().filter(s -> s.get("scientificName").equals(Sightings.SOLIDAGO_CANADENSIS))
                .map(s -> s.get("uuid").toString()).collect(Collectors.toSet());

        stack("stop", "kafka");
        Instant stopped = Instant.now();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        try {
            // A fixed-rate stream over the outage: one observation every 25 ms, about 25 s in all.
            ScheduledExecutorService clients = Executors.newScheduledThreadPool(8);
            List<ScheduledFuture<?>> posts = new ArrayList<>();
            for (int i = 0; i < OBSERVATIONS_COUNT; i++) {
                Map<String, Object> sighting = sightings.get(i);
                posts.add(clients.schedule(() -> statuses.merge(
                        as("ranger", OBSERVATIONS).body(sighting).post("/observations").statusCode(), 1, Integer::sum),
                        i * 25L, TimeUnit.MILLISECONDS));
            }
            for (ScheduledFuture<?> post : posts) {
                post.get(2, TimeUnit.MINUTES);
            }
            clients.shutdown();
            assertEquals(Map.of(201, OBSERVATIONS_COUNT), statuses, "every observation is accepted while Kafka is down");
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Duration.between(stopped, Instant.now()).getSeconds() >= 30);
        } finally {
            stack("start", "kafka");
        }

        var events = TopicReader.read(Topics.OBSERVATIONS, r -> uuids.contains(uuidOf(r.value())), OBSERVATIONS_COUNT,
                Duration.ofSeconds(90));
        Map<String, Long> perUuid = events.stream().collect(Collectors.groupingBy(r -> uuidOf(r.value()), Collectors.counting()));
        assertEquals(OBSERVATIONS_COUNT, perUuid.size(), "every observation's event is published");
        assertEquals(Set.of(1L), new HashSet<>(perUuid.values()), "each event is published exactly once");

        // One aggregated alert for 加拿大一枝黄花 in 温县 holding exactly the invasive observations.
        JsonPath alert = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> onlyAlert(WENXIAN), a -> a != null && a.getInt("observationCount") == invasive.size());
        assertEquals(invasive, new HashSet<>(alert.getList("observationUuids", String.class)));
        String alertId = alert.getString("id");
        var raised = TopicReader.read(Topics.ALERTS, r -> r.value().contains(alertId) && r.value().contains("\"AlertRaised\""),
                1, Duration.ofSeconds(30));
        assertEquals(1, raised.size(), "the alert is raised exactly once");
    }

    static JsonPath onlyAlert(String county) {
        List<String> ids = as("bureau", ALERTS).queryParam("countyCode", county).queryParam("rule", "INVASIVE_SPECIES")
                .get("/alerts").then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        if (ids.size() > 1) {
            throw new AssertionError("more than one alert for the county: " + ids);
        }
        return ids.isEmpty() ? null : as("bureau", ALERTS).get("/alerts/" + ids.get(0)).then().statusCode(200)
                .extract().jsonPath();
    }

    static String uuidOf(String envelope) {
        int at = envelope.indexOf("\"uuid\":\"");
        return at < 0 ? "" : envelope.substring(at + 8, at + 44);
    }
}
