package cn.jiaozuo.biodiversity.e2e.security;

import static cn.jiaozuo.biodiversity.e2e.E2eStack.PLOTS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.as;

import cn.jiaozuo.biodiversity.e2e.Plots;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** What the adversarial suite shares: requests under any role and subject, and a camera registered in a fresh plot. */
final class Attack {

    private Attack() {
    }

    /** A camera trap registered by an admin, bound to {@code subject}, at (lat, lon) inside plot {@code plotCode}. */
    record Camera(String id, String subject, String plotCode, double lat, double lon) {
    }

    /** A JSON request to {@code baseUrl} with a token of {@code role} (any word, also one no endpoint knows) for {@code subject}. */
    static RequestSpecification asRole(String role, String subject, String baseUrl) {
        return as(role, subject, baseUrl);
    }

    static Camera registerCamera(String countyCode) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        double lat = 35.30 + random.nextInt(0, 150) * 0.001;
        double lon = 113.20 + random.nextInt(0, 300) * 0.001;
        String plot = Plots.createSquare(countyCode, lat, lon, "attack plot " + UUID.randomUUID(), List.of("CAMERA_TRAP_GRID"));
        String id = "CT-ATK-" + UUID.randomUUID().toString().substring(0, 8);
        Camera camera = new Camera(id, "station-" + id.toLowerCase(), plot, lat + 0.002, lon + 0.002);
        as("admin", PLOTS).body(cameraBody(camera.id(), plot, camera.subject(), camera.lat(), camera.lon()))
                .post("/stations").then().statusCode(201);
        return camera;
    }

    static Map<String, Object> cameraBody(String id, String plotCode, String subject, double lat, double lon) {
        return Map.of("id", id, "type", "CAMERA_TRAP", "plotCode", plotCode, "location", Map.of("lat", lat, "lon", lon),
                "installedOn", LocalDate.now().minusDays(30).toString(), "subject", subject);
    }

    /** {@code sighting} as uploaded by camera {@code stationId}. */
    static Map<String, Object> withStation(Map<String, Object> sighting, String stationId) {
        Map<String, Object> copy = new LinkedHashMap<>(sighting);
        copy.put("stationId", stationId);
        copy.put("method", "CAMERA_TRAP");
        return copy;
    }
}
