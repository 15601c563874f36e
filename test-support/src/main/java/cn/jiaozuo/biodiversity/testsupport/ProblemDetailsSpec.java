package cn.jiaozuo.biodiversity.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The one error format, as every service answers it: RFC 9457 problem+json for validation, JSON,
 * security, content-type, size, conflict, database and unexpected failures; never internals.
 * Each module runs it with {@code @QuarkusTest class ProblemDetailsTest extends ProblemDetailsSpec}.
 */
public abstract class ProblemDetailsSpec {

    private static final String VALID = "{\"name\":\"华北豹\",\"count\":1,\"location\":{\"lat\":35.2,\"lon\":113.3}}";

    private static io.restassured.specification.RequestSpecification asAdmin() {
        return given().header("Authorization", TestTokens.bearer("admin")).contentType(ContentType.JSON);
    }

    @Test
    void a_valid_request_passes() {
        asAdmin().body(VALID).when().post("/test-probe").then().statusCode(200).body("name", equalTo("华北豹"));
    }

    @Test
    void validation_failures_name_each_field() {
        asAdmin().body("{\"name\":\"" + "x".repeat(21) + "\",\"count\":0,\"location\":{\"lat\":95},"
                + "\"track\":[{\"lat\":1,\"lon\":2},{\"lat\":1}]}")
                .when().post("/test-probe").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("count"))
                .body("violations.field", hasItem("location.lat"))
                .body("violations.field", hasItem("location.lon"))
                .body("violations.field", hasItem("track[1].lon"));
    }

    @Test
    void a_missing_body_is_a_400() {
        asAdmin().when().post("/test-probe").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void malformed_json_is_a_400() {
        asAdmin().body("{\"name\": \"x\", ").when().post("/test-probe").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("Malformed JSON"));
    }

    @Test
    void a_wrong_type_names_the_field() {
        asAdmin().body("{\"name\":\"x\",\"count\":\"many\",\"location\":{\"lat\":35,\"lon\":113}}")
                .when().post("/test-probe").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("count"));
    }

    @Test
    void an_unknown_enum_value_lists_the_allowed_ones() {
        asAdmin().body("{\"name\":\"x\",\"count\":1,\"location\":{\"lat\":35,\"lon\":113},\"kind\":\"DRONE\"}")
                .when().post("/test-probe").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("kind"))
                .body("violations[0].message", containsString("CAMERA_TRAP"));
    }

    @Test
    void a_bad_date_time_names_the_field() {
        asAdmin().body("{\"name\":\"x\",\"count\":1,\"location\":{\"lat\":35,\"lon\":113},\"at\":\"yesterday\"}")
                .when().post("/test-probe").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("at"));
    }

    @Test
    void nan_is_not_a_number_here() {
        asAdmin().body("{\"name\":\"x\",\"count\":1,\"location\":{\"lat\":NaN,\"lon\":113}}")
                .when().post("/test-probe").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void a_query_parameter_violation_names_the_parameter() {
        given().queryParam("limit", 501).when().get("/test-probe/limit").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("limit"));
    }

    @Test
    void a_non_numeric_query_parameter_is_a_400_or_404_problem_not_a_500() {
        given().queryParam("limit", "lots").when().get("/test-probe/limit").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404)))
                .contentType("application/problem+json");
    }

    @Test
    void no_token_is_a_401_problem() {
        given().contentType(ContentType.JSON).body(VALID).when().post("/test-probe").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void a_token_from_an_unknown_issuer_key_is_a_401_problem() {
        given().header("Authorization", "Bearer " + TestTokens.foreignToken("admin")).contentType(ContentType.JSON)
                .body(VALID).when().post("/test-probe").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_garbage_token_is_a_401_problem() {
        given().header("Authorization", "Bearer not.a.jwt").contentType(ContentType.JSON)
                .body(VALID).when().post("/test-probe").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void the_wrong_role_is_a_403_problem() {
        given().header("Authorization", TestTokens.bearer("ranger")).contentType(ContentType.JSON).body(VALID)
                .when().post("/test-probe").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void a_wrong_content_type_is_a_415_problem() {
        given().header("Authorization", TestTokens.bearer("admin")).contentType(ContentType.TEXT).body("name=x")
                .when().post("/test-probe").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void a_wrong_method_is_a_405_problem() {
        given().when().delete("/test-probe/conflict").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void a_body_over_one_megabyte_is_a_413_problem() {
        String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        asAdmin().body(huge).when().post("/test-probe").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void a_chunked_body_over_one_megabyte_is_a_413_problem() throws Exception {
        // No Content-Length: the limit holds on the bytes actually read.
        byte[] huge = ("{\"name\":\"" + "x".repeat(3_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = chunked("/test-probe", huge);
        assertEquals(413, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"status\":413"), response.body());
    }

    @Test
    void a_chunked_body_within_the_limit_is_read() throws Exception {
        HttpResponse<String> response = chunked("/test-probe", VALID.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("华北豹"), response.body());
    }

    @Test
    void a_duplicate_key_is_a_400_naming_the_field() {
        asAdmin().body("{\"name\":\"a\",\"count\":1,\"location\":{\"lat\":35,\"lon\":113,\"lat\":36}}")
                .when().post("/test-probe").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("location.lat"))
                .body("violations[0].message", containsString("more than once"));
    }

    @Test
    void content_after_the_json_document_is_a_400() {
        asAdmin().body(VALID + " {\"name\":\"second\"}").when().post("/test-probe").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("body"));
        asAdmin().body(VALID + " garbage").when().post("/test-probe").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void a_fraction_for_a_whole_number_is_a_400() {
        asAdmin().body("{\"name\":\"x\",\"count\":1.5,\"location\":{\"lat\":35,\"lon\":113}}")
                .when().post("/test-probe").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("count"))
                .body("violations[0].message", containsString("whole number"));
    }

    @Test
    void a_number_sent_as_a_string_is_a_400() {
        asAdmin().body("{\"name\":\"x\",\"count\":\"12\",\"location\":{\"lat\":35,\"lon\":113}}")
                .when().post("/test-probe").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("count"));
        asAdmin().body("{\"name\":\"x\",\"count\":1,\"location\":{\"lat\":\"35.2\",\"lon\":113}}")
                .when().post("/test-probe").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("location.lat"));
        asAdmin().body("{\"name\":\"x\",\"count\":1,\"location\":{\"lat\":35,\"lon\":113},\"flag\":\"true\"}")
                .when().post("/test-probe").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("flag"));
    }

    @Test
    void a_number_or_boolean_for_a_string_or_enum_is_a_400() {
        asAdmin().body("{\"name\":12,\"count\":1,\"location\":{\"lat\":35,\"lon\":113}}")
                .when().post("/test-probe").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("name"));
        asAdmin().body("{\"name\":\"x\",\"count\":1,\"location\":{\"lat\":35,\"lon\":113},\"kind\":0}")
                .when().post("/test-probe").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("kind"));
    }

    @Test
    void an_empty_string_is_not_an_absent_object_uuid_or_date() {
        for (String field : new String[] {"location", "ref", "at", "day", "kind"}) {
            String body = VALID.substring(0, VALID.length() - 1) + ",\"" + field + "\":\"\"}";
            if (field.equals("location")) {
                body = "{\"name\":\"x\",\"count\":1,\"location\":\"\"}";
            }
            asAdmin().body(body).when().post("/test-probe").then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo(field));
        }
    }

    @Test
    void a_whole_number_out_of_range_names_the_field() {
        asAdmin().body("{\"name\":\"x\",\"count\":99999999999,\"location\":{\"lat\":35,\"lon\":113}}")
                .when().post("/test-probe").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("count"));
    }

    @Test
    void the_nil_uuid_is_a_400() {
        asAdmin().body(VALID.substring(0, VALID.length() - 1) + ",\"ref\":\"00000000-0000-0000-0000-000000000000\"}")
                .when().post("/test-probe").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("ref"))
                .body("violations[0].message", containsString("nil UUID"));
    }

    @Test
    void a_nul_character_in_a_body_string_is_a_400() {
        asAdmin().body("{\"name\":\"a\\u0000b\",\"count\":1,\"location\":{\"lat\":35,\"lon\":113}}")
                .when().post("/test-probe").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("name"))
                .body("violations[0].message", containsString("NUL"));
    }

    @Test
    void infinity_and_overflowing_numbers_are_a_400() {
        for (String value : new String[] {"\"Infinity\"", "\"-Infinity\"", "\"NaN\"", "1e309", "-1e309"}) {
            asAdmin().body("{\"name\":\"x\",\"count\":1,\"location\":{\"lat\":35,\"lon\":" + value + "}}")
                    .when().post("/test-probe").then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("location.lon"))
                    .body("violations[0].message", containsString("finite"));
        }
    }

    @Test
    void dates_outside_the_supported_years_are_a_400() {
        for (String at : new String[] {"+294277-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "1899-12-31T23:59:59Z",
                "2200-01-01T00:00:00Z"}) {
            asAdmin().body(VALID.substring(0, VALID.length() - 1) + ",\"at\":\"" + at + "\"}")
                    .when().post("/test-probe").then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("at"))
                    .body("violations[0].message", containsString("1900"));
        }
        asAdmin().body(VALID.substring(0, VALID.length() - 1) + ",\"day\":\"-999999999-01-01\"}")
                .when().post("/test-probe").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("day"));
        asAdmin().body(VALID.substring(0, VALID.length() - 1) + ",\"at\":\"2199-12-31T23:59:59Z\",\"day\":\"1900-01-01\"}")
                .when().post("/test-probe").then().statusCode(200);
    }

    @Test
    void query_dates_and_durations_outside_the_supported_range_are_a_400_naming_the_parameter() {
        for (String from : new String[] {"+294277-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "yesterday"}) {
            given().queryParam("from", from).when().get("/test-probe/window").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("from"));
        }
        for (String within : new String[] {"P999999999999D", "P36501D", "PT0S", "-PT1H", "P99999999999999999999D", "soon"}) {
            given().queryParam("within", within).when().get("/test-probe/window").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("within"));
        }
        given().queryParam("from", "2025-05-01T00:00:00+08:00").queryParam("within", "P36500D").when()
                .get("/test-probe/window").then().statusCode(200);
    }

    @Test
    void a_token_expired_ten_seconds_ago_is_a_401_problem() {
        given().header("Authorization", "Bearer " + TestTokens.expiredToken("admin", Duration.ofSeconds(10)))
                .contentType(ContentType.JSON).body(VALID).when().post("/test-probe").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void a_conflict_is_a_409_problem() {
        given().when().get("/test-probe/conflict").then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Already exists")).body("instance", equalTo("/test-probe/conflict"));
    }

    @Test
    void an_unreachable_database_is_a_503_problem() {
        given().when().get("/test-probe/database-down").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", not(equalTo(null)));
    }

    @Test
    void an_unexpected_failure_is_a_500_problem_without_internals() {
        given().when().get("/test-probe/bug").then().statusCode(500).contentType("application/problem+json")
                .body(not(containsString("org.secret"))).body(not(containsString("IllegalStateException")))
                .body("detail", containsString("incident"));
    }

    /** POSTs {@code body} as admin with chunked transfer encoding (no Content-Length). */
    private static HttpResponse<String> chunked(String path, byte[] body) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Content-Type", "application/json").header("Authorization", TestTokens.bearer("admin"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
