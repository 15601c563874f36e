package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.LEOPARD;
import static cn.jiaozuo.biodiversity.observation.Sightings.MACAQUE;
import static cn.jiaozuo.biodiversity.observation.Sightings.XIUWU;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * One stored row with a non-finite number (written before intake refused them, or by hand) must not break an export
 * for everyone: CSV, GeoJSON, the Darwin Core Archive and the listing write such a value empty (or null) and go on.
 * The database refuses such values since V6, so the rows are written here with its checks lifted for the moment.
 */
@QuarkusTest
class ExportRobustnessTest {

    /** The checks V6 adds, to lift and restore them exactly. */
    private static final String CHECKS = """
            alter table observation
                add constraint observation_accuracy_finite check (accuracy_m >= 0 and accuracy_m < 'Infinity'::double precision),
                add constraint observation_point_finite check (lat between -90 and 90 and lon between -180 and 180),
                add constraint observation_original_point_finite
                    check (original_lat between -90 and 90 and original_lon between -180 and 180)""";

    @Inject
    DataSource dataSource;

    private static OffsetDateTime freshMinute() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return OffsetDateTime.of(1960 + random.nextInt(25), 1 + random.nextInt(12), 1 + random.nextInt(28), 0, 0, 0, 0,
                ZoneOffset.ofHours(8)).plusMinutes(random.nextInt(24 * 60 - 10));
    }

    private static final String OBSERVER = "ranger-legacy-" + UUID.randomUUID();

    private static void insert(Connection c, UUID uuid, long species, OffsetDateTime at, String lat, String lon,
            String accuracy) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into observation (uuid, species_id, individual_count, observed_at, observed_offset_s, recorded_at,
                    lat, lon, accuracy_m, original_datum, original_lat, original_lon, county_code, method, observer, source,
                    status, content_hash)
                values (?, ?, 1, ?, 28800, now(), ?::double precision, ?::double precision, ?::double precision, 'WGS84',
                    ?::double precision, ?::double precision, ?, 'SIGHTING', ?, 'RANGER', 'VERIFIED', ?)""")) {
            s.setObject(1, uuid);
            s.setLong(2, species);
            s.setObject(3, at);
            s.setString(4, lat);
            s.setString(5, lon);
            s.setString(6, accuracy);
            s.setString(7, lat);
            s.setString(8, lon);
            s.setString(9, XIUWU);
            s.setString(10, OBSERVER);
            s.setString(11, "0".repeat(64));
            s.executeUpdate();
        }
    }

    @Test
    void rows_with_infinity_or_nan_do_not_break_csv_geojson_darwin_core_or_the_listing() throws Exception {
        OffsetDateTime at = freshMinute();
        // Sensitive records are listed at the start of their day in China: the window is the whole day.
        OffsetDateTime day = at.toLocalDate().atStartOfDay().atOffset(ZoneOffset.ofHours(8));
        String from = day.toString();
        String to = day.plusDays(1).toString();
        UUID infiniteAccuracy = UUID.randomUUID();
        UUID nanAccuracy = UUID.randomUUID();
        UUID sensitive = UUID.randomUUID();
        UUID nanPoint = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("alter table observation drop constraint observation_accuracy_finite,"
                    + " drop constraint observation_point_finite, drop constraint observation_original_point_finite");
            try {
                insert(c, infiniteAccuracy, MACAQUE, at, "35.3", "113.3", "Infinity");
                insert(c, nanAccuracy, MACAQUE, at.plusMinutes(1), "35.31", "113.31", "NaN");
                insert(c, sensitive, LEOPARD, at.plusMinutes(2), "35.32", "113.32", "-Infinity");
                insert(c, nanPoint, MACAQUE, at.plusMinutes(3), "NaN", "Infinity", "10");

                // The public sees the leopard under its public id. The JSON views write these values as Jackson does
                // ("-Infinity", "NaN" as strings), which no schema allows; V6 makes such rows impossible, so those two
                // reads are not held to the OpenAPI document (noFilters).
                String leopard = given().noFilters().header("Authorization", TestTokens.bearer(Roles.REVIEWER)).when()
                        .get("/observations/" + sensitive).then().statusCode(200).extract().path("publicId");
                List<String> ours = List.of(infiniteAccuracy.toString(), nanAccuracy.toString(), leopard, nanPoint.toString());

                String csv = given().queryParam("from", from).queryParam("to", to).when().get("/observations.csv")
                        .then().statusCode(200).extract().asString();
                Map<String, String[]> lines = new HashMap<>();
                for (String line : csv.split("\r\n")) {
                    lines.put(line.split(",")[0], line.split(",", -1));
                }
                assertTrue(lines.keySet().containsAll(ours), "the four rows:\n" + csv);
                assertEquals("", lines.get(infiniteAccuracy.toString())[8], "accuracyM of the Infinity row is empty");
                assertEquals("", lines.get(nanAccuracy.toString())[8]);
                assertEquals("", lines.get(nanPoint.toString())[6], "lat of the NaN row is empty");
                assertEquals("", lines.get(nanPoint.toString())[7]);
                assertEquals("true", lines.get(leopard)[9], "the sensitive row is still generalized");

                JsonPath geojson = given().queryParam("from", from).queryParam("to", to).when().get("/observations.geojson")
                        .then().statusCode(200).extract().jsonPath();
                Map<String, Map<String, Object>> features = new HashMap<>();
                for (Map<String, Object> feature : geojson.<Map<String, Object>>getList("features")) {
                    features.put((String) feature.get("id"), feature);
                }
                assertTrue(features.keySet().containsAll(ours));
                assertNull(features.get(nanPoint.toString()).get("geometry"), "an unlocated feature, not a broken one");
                assertNull(((Map<?, ?>) features.get(infiniteAccuracy.toString()).get("properties")).get("accuracyM"));
                assertNull(((Map<?, ?>) features.get(nanAccuracy.toString()).get("properties")).get("accuracyM"));

                byte[] zip = given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).queryParam("from", from)
                        .queryParam("to", to).when().get("/exports/dwca").then().statusCode(200).extract().asByteArray();
                DarwinCoreArchiveExportTest.Archive archive = DarwinCoreArchiveExportTest.read(zip);
                assertEquals(4, archive.rows().stream().filter(row -> ours.stream()
                        .anyMatch(id -> row.get(DarwinCoreArchiveExportTest.DWC + "occurrenceID").endsWith(id))).count());
                List<String> uncertainties = new ArrayList<>();
                for (Map<String, String> row : archive.rows()) {
                    if (row.get(DarwinCoreArchiveExportTest.DWC + "occurrenceID").endsWith(infiniteAccuracy.toString())) {
                        uncertainties.add(row.get(DarwinCoreArchiveExportTest.DWC + "coordinateUncertaintyInMeters"));
                    }
                }
                assertEquals(List.of(""), uncertainties);

                given().noFilters().header("Authorization", TestTokens.bearer(Roles.REVIEWER)).queryParam("observer", OBSERVER)
                        .when().get("/observations").then().statusCode(200);
            } finally {
                s.execute("delete from observation where observer = '" + OBSERVER + "'");
                s.execute(CHECKS);
            }
        }
    }

    @Test
    void the_database_refuses_a_non_finite_accuracy_or_point() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            for (String[] values : new String[][] {{"35.3", "113.3", "Infinity"}, {"35.3", "113.3", "NaN"},
                    {"35.3", "113.3", "-1"}, {"NaN", "113.3", "10"}, {"35.3", "-Infinity", "10"}}) {
                SQLException refused = assertThrows(SQLException.class,
                        () -> insert(c, UUID.randomUUID(), MACAQUE, freshMinute(), values[0], values[1], values[2]));
                assertEquals("23514", refused.getSQLState(), "a check constraint refuses " + String.join(",", values));
            }
        }
    }
}
