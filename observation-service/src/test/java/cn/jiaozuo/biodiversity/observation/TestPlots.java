package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.location;
import static cn.jiaozuo.biodiversity.observation.Sightings.with;
import static org.awaitility.Awaitility.await;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.observation.domain.PlotIndex;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Sampling plots for tests: published on the `plots` topic as sampling-plot-service does, awaited in the index. */
final class TestPlots {

    static final String QINYANG = "410882";

    /**
     * A square plot of ±0.002° around (lat, lon), in 沁阳 away from the other tests' random points. Closing it retires
     * it, so plots of earlier runs never cover a later run's point.
     */
    record TestPlot(String code, String countyCode, double lat, double lon) implements AutoCloseable {

        @Override
        public void close() {
            publish(this, "PlotRetired", "RETIRED");
        }

        /** A sighting of {@code speciesId} at the plot's centre, its county left to the plot. */
        Map<String, Object> sighting(long speciesId) {
            return with(with(Sightings.sighting(speciesId), "location", location(lat, lon)), "countyCode", null);
        }
    }

    private TestPlots() {
    }

    static TestPlot newPlot(PlotIndex plots) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return newPlot(plots, QINYANG, 35.10 + random.nextDouble(0.1), 112.70 + random.nextDouble(0.2));
    }

    /** A plot of county {@code countyCode} centred on (lat, lon), once the index knows it. */
    static TestPlot newPlot(PlotIndex plots, String countyCode, double lat, double lon) {
        TestPlot plot = new TestPlot(countyCode + "-T" + UUID.randomUUID().toString().substring(0, 8), countyCode, lat, lon);
        publish(plot, "PlotUpserted", "ACTIVE");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> plots.locate(plot.lat(), plot.lon()).map(m -> m.code().equals(plot.code())).orElse(false));
        return plot;
    }

    private static void publish(TestPlot plot, String type, String status) {
        double d = 0.002;
        String ring = String.format(Locale.ROOT, "[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]", plot.lon() - d, plot.lat() - d,
                plot.lon() + d, plot.lat() - d, plot.lon() + d, plot.lat() + d, plot.lon() - d, plot.lat() + d,
                plot.lon() - d, plot.lat() - d);
        String now = Instant.now().toString();
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            kafka.send(Topics.PLOTS, plot.code(), """
                    {"eventId": "%s", "type": "%s", "occurredAt": "%s", "source": "sampling-plot-service",
                     "data": {"code": "%s", "name": "Test plot", "countyCode": "%s", "priorityArea": null,
                              "ecosystem": "FOREST", "methods": ["CAMERA_TRAP_GRID"], "status": "%s",
                              "geometry": {"type": "Polygon", "coordinates": [%s]}, "areaHa": 16.0, "protectedAreaId": null,
                              "establishedOn": "2025-03-01", "surveyIntervalDays": 90, "updatedAt": "%s"}}"""
                    .formatted(UUID.randomUUID(), type, now, plot.code(), plot.countyCode(), status, ring, now));
        }
    }
}
