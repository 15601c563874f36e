package cn.jiaozuo.biodiversity.e2e;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Observation request bodies as a ranger's app would send them, each with a fresh uuid. */
public final class Sightings {

    public static final String HYPHANTRIA_CUNEA = "Hyphantria cunea";   // 美国白蛾, invasive
    public static final String SOLIDAGO_CANADENSIS = "Solidago canadensis"; // 加拿大一枝黄花, invasive
    public static final String CICONIA_NIGRA = "Ciconia nigra";         // 黑鹳, national class I
    public static final String ARDEA_CINEREA = "Ardea cinerea";         // 苍鹭, not nationally protected

    private Sightings() {
    }

    public static Map<String, Object> sighting(String scientificName, String countyCode) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return sightingAt(scientificName, countyCode, 35.0 + random.nextDouble(0.3), 112.9 + random.nextDouble(0.6));
    }

    public static Map<String, Object> sightingAt(String scientificName, String countyCode, double lat, double lon) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uuid", UUID.randomUUID().toString());
        body.put("scientificName", scientificName);
        body.put("count", 1 + ThreadLocalRandom.current().nextInt(5));
        body.put("observedAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(10).toString());
        body.put("location", Map.of("lat", lat, "lon", lon, "accuracyM", 8));
        if (countyCode != null) {
            body.put("countyCode", countyCode);
        }
        body.put("method", "SIGHTING");
        return body;
    }
}
