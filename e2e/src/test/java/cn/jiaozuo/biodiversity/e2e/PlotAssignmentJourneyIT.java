package cn.jiaozuo.biodiversity.e2e;

import static cn.jiaozuo.biodiversity.e2e.E2eStack.OBSERVATIONS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.PLOTS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * An admin of the forestry bureau creates a sampling plot in 修武县; observations posted inside it
 * afterwards carry its plot code and county, learnt by observation-service through the plots topic.
 */
class PlotAssignmentJourneyIT {

    private static final String XIUWU = "410821";

    @Test
    void observations_inside_a_new_plot_get_its_code_and_county() {
        // A small square somewhere in the hills north of Xiuwu, unique to this run.
        double lat = 35.30 + ThreadLocalRandom.current().nextInt(0, 150) * 0.001;
        double lon = 113.30 + ThreadLocalRandom.current().nextInt(0, 150) * 0.001;
        String code = Plots.createSquare(XIUWU, lat, lon, "云台山 e2e plot " + lat + "," + lon,
                List.of("CAMERA_TRAP_GRID", "TRANSECT"));
        org.hamcrest.MatcherAssert.assertThat(code, startsWith(XIUWU + "-"));

        // Wait until observation-service has the plot (sightings with the county given, stored either way).
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(
                () -> code.equals(as("ranger", OBSERVATIONS)
                        .body(Sightings.sightingAt(Sightings.ARDEA_CINEREA, XIUWU, lat + 0.002, lon + 0.002))
                        .post("/observations").then().statusCode(201).extract().path("plotCode")));

        // No county given: the plot supplies it (before any county outline around it).
        as("ranger", OBSERVATIONS).body(Sightings.sightingAt(Sightings.ARDEA_CINEREA, null, lat + 0.001, lon + 0.003))
                .post("/observations").then().statusCode(201)
                .body("plotCode", equalTo(code)).body("countyCode", equalTo(XIUWU));

        // Outside every plot and every county outline (north-east of Jiaozuo, in Xinxiang), the same request without
        // a county is a clear 400.
        as("ranger", OBSERVATIONS).body(Sightings.sightingAt(Sightings.ARDEA_CINEREA, null, 35.70, 113.90))
                .post("/observations").then().statusCode(400).contentType("application/problem+json");

        // Retired, the plot no longer matches new observations.
        as("admin", PLOTS).delete("/plots/" + code).then().statusCode(204);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(
                () -> as("ranger", OBSERVATIONS)
                        .body(Sightings.sightingAt(Sightings.ARDEA_CINEREA, XIUWU, lat + 0.002, lon + 0.002))
                        .post("/observations").then().statusCode(201).extract().path("plotCode") == null);
    }
}
