package cn.jiaozuo.biodiversity.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
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
}
