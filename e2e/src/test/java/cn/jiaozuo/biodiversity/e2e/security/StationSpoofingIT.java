package cn.jiaozuo.biodiversity.e2e.security;

import static cn.jiaozuo.biodiversity.e2e.E2eStack.OBSERVATIONS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.PLOTS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.e2e.Sightings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the camera registry: reading where cameras are and when they last fired (a camera's point and
 * activity undo the generalization of the leopard it photographed), and keeping a stolen or silent camera
 * looking alive by uploading in its name. Each must fail.
 */
class StationSpoofingIT {

    @Test
    void only_reviewers_admins_and_the_station_itself_see_a_camera_and_its_activity() {
        Attack.Camera camera = Attack.registerCamera("410821");

        for (String role : List.of("ranger", "bureau", "visitor")) {
            Attack.asRole(role, "nosy-" + role, PLOTS).get("/stations").then().statusCode(403)
                    .contentType("application/problem+json");
            Attack.asRole(role, "nosy-" + role, PLOTS).get("/stations/" + camera.id()).then().statusCode(403)
                    .body("location", nullValue()).body("lastSeenAt", nullValue());
        }
        Attack.asRole("station", "another-camera", PLOTS).get("/stations/" + camera.id()).then().statusCode(403);
        Attack.asRole("station", "another-camera", PLOTS).get("/stations").then().statusCode(200)
                .body("items.id", not(hasItem(camera.id())));

        for (String role : List.of("reviewer", "admin")) {
            as(role, PLOTS).get("/stations/" + camera.id()).then().statusCode(200);
        }
        Attack.asRole("station", camera.subject(), PLOTS).get("/stations/" + camera.id()).then().statusCode(200);
    }

    @Test
    void nobody_but_the_bound_identity_uploads_in_a_cameras_name_nor_keeps_it_looking_alive() {
        Attack.Camera camera = Attack.registerCamera("410821");
        Map<String, Object> ownUpload = Attack.withStation(Sightings.sighting("Macaca mulatta", "410821"), camera.id());
        // The binding travels to observation-service over Kafka: the owner's upload passes once it has arrived.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                Attack.asRole("station", camera.subject(), OBSERVATIONS).body(ownUpload).post("/observations").statusCode() == 201);
        String activity = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(
                () -> as("admin", PLOTS).get("/stations/" + camera.id()).then().extract().path("lastSeenAt"), seen -> seen != null);

        for (String[] thief : List.of(new String[] {"ranger", "ranger-thief"}, new String[] {"station", "camera-thief"})) {
            Map<String, Object> spoof = Attack.withStation(Sightings.sighting("Macaca mulatta", "410821"), camera.id());
            Attack.asRole(thief[0], thief[1], OBSERVATIONS).body(spoof).post("/observations").then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem("stationId"));
            as("admin", OBSERVATIONS).get("/observations/" + spoof.get("uuid")).then().statusCode(404);
        }
        Map<String, Object> unknown = Attack.withStation(Sightings.sighting("Macaca mulatta", "410821"),
                "CT-FAKE-" + java.util.UUID.randomUUID());
        Attack.asRole("station", "camera-thief", OBSERVATIONS).body(unknown).post("/observations").then().statusCode(400)
                .body("violations.field", hasItem("stationId"));

        // A batch naming the camera keeps its good item and refuses the spoofed one.
        Map<String, Object> good = Sightings.sighting("Macaca mulatta", "410821");
        Map<String, Object> spoofed = Attack.withStation(Sightings.sighting("Macaca mulatta", "410821"), camera.id());
        List<String> statuses = Attack.asRole("station", "camera-thief", OBSERVATIONS).body(Map.of("items", List.of(good, spoofed)))
                .post("/observations/batch").then().statusCode(200).extract().path("results.status");
        assertEquals(List.of("CREATED", "REJECTED"), statuses);

        assertEquals(activity, as("admin", PLOTS).get("/stations/" + camera.id()).then().extract().path("lastSeenAt"),
                "the refused uploads did not move the camera's activity");
    }

    @Test
    void only_an_admin_rebinds_a_camera() {
        Attack.Camera camera = Attack.registerCamera("410821");
        Map<String, Object> body = Attack.cameraBody(camera.id(), camera.plotCode(), "hijacker", camera.lat(), camera.lon());
        for (String role : List.of("station", "reviewer", "bureau", "ranger")) {
            Attack.asRole(role, camera.subject(), PLOTS).body(body).put("/stations/" + camera.id()).then().statusCode(403);
        }
        as("admin", PLOTS).get("/stations/" + camera.id()).then().statusCode(200)
                .body("subject", org.hamcrest.Matchers.equalTo(camera.subject()));
    }
}
