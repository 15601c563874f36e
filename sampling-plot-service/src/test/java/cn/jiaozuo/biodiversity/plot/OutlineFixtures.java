package cn.jiaozuo.biodiversity.plot;

import static cn.jiaozuo.biodiversity.plot.PlotFixtures.freshCorner;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.square;
import static io.restassured.RestAssured.given;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Outline bodies and calls shared by the outline specifications. The counties and protected areas are fixed rows
 * every test shares, so each outline is a fresh square with a fresh source, and tests assert only what they set.
 */
final class OutlineFixtures {

    /** Coordinates compared to the last digit: REST Assured reads JSON numbers as floats unless told otherwise. */
    static final RestAssuredConfig DOUBLES = RestAssured.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));

    private OutlineFixtures() {
    }

    /** An anonymous read. */
    static ValidatableResponse read(String path) {
        return given().config(DOUBLES).when().get(path).then();
    }

    /** A fresh 0.01° square (about 100 ha) inside Jiaozuo's box, away from its edges. */
    static Map<String, Object> freshSquare() {
        double[] c = freshCorner();
        return square(Math.min(c[0], 113.9), Math.min(c[1], 35.7), 0.01);
    }

    static Map<String, Object> outlineBody(Map<String, Object> geometry) {
        Map<String, Object> body = new HashMap<>();
        body.put("geometry", geometry);
        body.put("source", "测试勘界 " + UUID.randomUUID());
        return body;
    }

    static ValidatableResponse put(String path, Map<String, Object> body) {
        return given().config(DOUBLES).header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json").body(body)
                .when().put(path).then();
    }

    static void withdraw(String path) {
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when().delete(path).then().statusCode(204);
    }
}
