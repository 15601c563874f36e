package cn.jiaozuo.biodiversity.e2e.bench;

import cn.jiaozuo.biodiversity.testsupport.JwtMinter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** The HTTP side of the load: one client, a ranger's and a station's token, and the sightings they post. */
final class LoadGenerator {

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();
    final String rangerToken;
    final String stationToken;
    private final String observations;

    LoadGenerator(BenchConfig config) {
        observations = config.observations();
        JwtMinter tokens = JwtMinter.localStack(config.repository());
        rangerToken = tokens.token("ranger", "bench-ranger", null, Duration.ofHours(2));
        stationToken = tokens.token("station", "bench-station", null, Duration.ofHours(2));
    }

    HttpRequest post(String path, String token, String body) {
        return HttpRequest.newBuilder(URI.create(observations + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static String sighting(String scientificName, String county, OffsetDateTime observedAt) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "{\"uuid\":\"" + UUID.randomUUID() + "\",\"scientificName\":\"" + scientificName + "\",\"count\":"
                + (1 + random.nextInt(5)) + ",\"observedAt\":\"" + observedAt + "\",\"location\":{\"lat\":"
                + (35.0 + random.nextDouble(0.3)) + ",\"lon\":" + (113.0 + random.nextDouble(0.3))
                + ",\"accuracyM\":8},\"countyCode\":\"" + county + "\",\"method\":\"SIGHTING\",\"notes\":\"bench\"}";
    }

    static String ordinarySighting() {
        return sighting("Ardea cinerea", "410811", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(5));
    }

    /** Single POSTs from 8 clients for {@code seconds}, measured by nobody: the JIT's time. */
    void warmUp(int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    http.send(post("/observations", rangerToken, ordinarySighting()), HttpResponse.BodyHandlers.discarding());
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
    }
}
