package cn.jiaozuo.biodiversity.e2e.faults;

import static cn.jiaozuo.biodiversity.e2e.E2eStack.OBSERVATIONS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.as;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.e2e.E2eStack;
import cn.jiaozuo.biodiversity.e2e.Sightings;
import cn.jiaozuo.biodiversity.e2e.TopicReader;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * alert-service is killed with SIGKILL in the middle of a stream of invasive-species records and
 * restarted: every record is counted in its alert once, and each alert is raised exactly once.
 */
class AlertServiceCrashIT {

    private static final String MENGZHOU = "410883";
    private static final int COUNT = 300;

    @Test
    void a_killed_alert_service_loses_and_duplicates_nothing() throws Exception {
        List<Map<String, Object>> sightings = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            sightings.add(Sightings.sighting(i % 2 == 0 ? Sightings.HYPHANTRIA_CUNEA : Sightings.ARDEA_CINEREA, MENGZHOU));
        }
        Set<String> invasive = new HashSet<>();
        sightings.stream().filter(s -> s.get("scientificName").equals(Sightings.HYPHANTRIA_CUNEA))
                .forEach(s -> invasive.add(s.get("uuid").toString()));

        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ScheduledExecutorService clients = Executors.newScheduledThreadPool(4);
        List<ScheduledFuture<?>> posts = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            Map<String, Object> sighting = sightings.get(i);
            posts.add(clients.schedule(() -> statuses.merge(
                    as("ranger", OBSERVATIONS).body(sighting).post("/observations").statusCode(), 1, Integer::sum),
                    i * 20L, TimeUnit.MILLISECONDS));
        }
        // Mid-stream (about 2 s into the 6 s stream) the alert service dies without a chance to clean up.
        clients.schedule(() -> ProcessHandle.of(E2eStack.pidOf("alert-service")).ifPresent(ProcessHandle::destroyForcibly),
                2, TimeUnit.SECONDS).get(1, TimeUnit.MINUTES);
        for (ScheduledFuture<?> post : posts) {
            post.get(2, TimeUnit.MINUTES);
        }
        clients.shutdown();
        assertEquals(Map.of(201, COUNT), statuses);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> ProcessHandle.of(E2eStack.pidOf("alert-service")).map(p -> !p.isAlive()).orElse(true));
        stack("start", "alert-service");

        JsonPath alert = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> KafkaOutageIT.onlyAlert(MENGZHOU), a -> a != null && a.getInt("observationCount") >= invasive.size());
        assertEquals(invasive.size(), alert.getInt("observationCount"), "no record counted twice");
        assertEquals(invasive, new HashSet<>(alert.getList("observationUuids", String.class)), "no record lost");
        String alertId = alert.getString("id");
        assertEquals(1, TopicReader.read(Topics.ALERTS,
                r -> r.value().contains(alertId) && r.value().contains("\"AlertRaised\""), 1, Duration.ofSeconds(30)).size());
    }
}
