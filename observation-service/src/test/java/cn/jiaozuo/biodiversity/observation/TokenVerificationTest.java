package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.MACAQUE;
import static cn.jiaozuo.biodiversity.observation.Sightings.sighting;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertSame;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Verified tokens are remembered for speed, but never beyond their own expiry and never when forged. */
@QuarkusTest
class TokenVerificationTest {

    @Inject
    JWTParser parser;

    private static int post(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body(sighting(MACAQUE))
                .when().post("/observations").then().extract().statusCode();
    }

    @Test
    void a_token_is_verified_once_and_then_served_from_memory() throws Exception {
        String token = TestTokens.token(Roles.RANGER);
        assertSame(parser.parse(token), parser.parse(token));
    }

    @Test
    void a_remembered_token_stops_working_when_it_expires() throws Exception {
        String token = TestTokens.token(Roles.RANGER, "ranger-short", null, Duration.ofSeconds(3));
        if (post("Bearer " + token) != 201) {
            throw new AssertionError("a fresh token is accepted");
        }
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> post("Bearer " + token) == 401);
    }

    @Test
    void a_forged_token_is_refused_every_time() {
        String forged = "Bearer " + TestTokens.foreignToken(Roles.RANGER);
        for (int i = 0; i < 3; i++) {
            if (post(forged) != 401) {
                throw new AssertionError("forged token accepted on attempt " + i);
            }
        }
    }

    @Test
    void a_token_with_its_signature_altered_is_refused_even_after_the_original_was_accepted() {
        String token = TestTokens.token(Roles.RANGER, "ranger-" + java.util.UUID.randomUUID());
        if (post("Bearer " + token) != 201) {
            throw new AssertionError("the original is accepted");
        }
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        if (post("Bearer " + tampered) != 401) {
            throw new AssertionError("a tampered token must be refused");
        }
    }
}
