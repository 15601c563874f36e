package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.JIEFANG;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.awaitAlerts;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.invasive;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.observation;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Alert counts by severity on /q/metrics: alerts_events_total{type, severity}. */
@QuarkusTest
class AlertMetricsTest {

    @Inject
    ObjectMapper json;

    @Test
    void every_severity_of_raised_alerts_is_exposed_from_the_start() {
        for (String severity : new String[] {"INFO", "MEDIUM", "HIGH", "CRITICAL"}) {
            events("AlertRaised", severity); // throws when the series is missing
        }
    }

    @Test
    void the_first_invasive_record_in_a_county_counts_a_raised_critical_alert() {
        double before = events("AlertRaised", "CRITICAL");
        SpeciesSnapshot species = invasive(newSpeciesId());
        try (ObservationEvents events = new ObservationEvents(json)) {
            events.recorded(observation(species, JIEFANG));
        }
        assertEquals("CRITICAL", awaitAlerts(species.id(), 1).get(0).get("severity"));
        // Other tests' alerts may be counted meanwhile, so at least this one.
        await().atMost(Duration.ofSeconds(5)).until(() -> events("AlertRaised", "CRITICAL") >= before + 1);
    }

    private static double events(String type, String severity) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^alerts_events_total\\{(?=[^}]*severity=\"" + severity + "\")(?=[^}]*type=\"" + type
                + "\")[^}]*\\} (\\S+)$").matcher(metrics);
        if (!m.find()) {
            throw new AssertionError("no alerts_events_total for " + type + " " + severity);
        }
        return Double.parseDouble(m.group(1));
    }
}
