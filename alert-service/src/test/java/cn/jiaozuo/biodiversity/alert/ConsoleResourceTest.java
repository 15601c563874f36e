package cn.jiaozuo.biodiversity.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.alert.api.ConsoleSecurityHeaders;
import cn.jiaozuo.biodiversity.alert.config.ConsoleConfig;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console page and its settings are served by alert-service, without a token. */
@QuarkusTest
class ConsoleResourceTest {

    @Test
    void the_page_and_its_modules_are_served_without_a_token() {
        given().when().get("/console/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("焦作市生物多样性监测")).body(containsString("app.js"));
        given().when().get("/console/app.js").then().statusCode(200).contentType(containsString("javascript"));
        given().when().get("/console/console.css").then().statusCode(200).contentType(startsWith("text/css"));
    }

    @Test
    void config_json_names_the_other_services_and_no_single_sign_on_locally() {
        given().when().get("/console/config.json").then().statusCode(200).contentType(startsWith("application/json"))
                .body("observationUrl", equalTo("http://localhost:8081"))
                .body("plotUrl", equalTo("http://localhost:8082"))
                .body("patrolUrl", equalTo("http://localhost:8084"))
                .body("alertUrl", equalTo(""))
                .body("bulletinUrl", equalTo("http://localhost:8085"))
                .body("silentAfter", equalTo("PT48H"))
                .body("notRecordedYears", equalTo(3))
                .body("oidc", nullValue());
    }

    @Test
    void console_without_the_slash_redirects_to_the_page() {
        given().redirects().follow(false).when().get("/console").then().statusCode(302)
                .header("Location", equalTo("/console/"));
    }

    @Test
    void the_page_and_its_files_carry_a_strict_content_security_policy_and_may_not_be_framed() {
        for (String path : List.of("/console/", "/console/app.js", "/console/console.css", "/console/config.json")) {
            String policy = given().when().get(path).then().statusCode(200)
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Referrer-Policy", equalTo("no-referrer"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .extract().header("Content-Security-Policy");
            List<String> directives = Arrays.stream(policy.split(";")).map(String::strip).toList();
            assertTrue(directives.containsAll(List.of("default-src 'none'", "script-src 'self'", "style-src 'self'",
                    "img-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'")), policy);
            // The page fetches from the other services named in config.json, and from nowhere else.
            assertTrue(directives.contains("connect-src 'self' http://localhost:8081 http://localhost:8082 http://localhost:8084"
                    + " http://localhost:8085"), policy);
            assertFalse(policy.contains("unsafe") || policy.contains("*") || policy.contains("data:"), policy);
        }
        given().redirects().follow(false).when().get("/console").then().statusCode(302)
                .header("X-Frame-Options", equalTo("DENY"));
    }

    @Test
    void the_policy_follows_the_settings_and_adds_the_single_sign_on_issuer() {
        ConsoleConfig sso = settings("https://obs.jiaozuo.example/api/", "https://PLOTS.jiaozuo.example:8443", "https://patrols.jiaozuo.example",
                "https://bulletins.jiaozuo.example/", Optional.of("https://sso.jiaozuo.example/realms/biodiversity"), Optional.of("biodiversity-console"));
        assertTrue(ConsoleSecurityHeaders.policy(sso).contains("connect-src 'self' https://obs.jiaozuo.example"
                + " https://plots.jiaozuo.example:8443 https://patrols.jiaozuo.example https://bulletins.jiaozuo.example"
                + " https://sso.jiaozuo.example;"), ConsoleSecurityHeaders.policy(sso));
        ConsoleConfig proxied = settings("/observation", "/plots", "/patrols", "/bulletins", Optional.empty(), Optional.empty());
        assertTrue(ConsoleSecurityHeaders.policy(proxied).contains("connect-src 'self';"));
    }

    @Test
    void the_api_keeps_its_own_headers() {
        given().when().get("/q/health/live").then().statusCode(200).header("Content-Security-Policy", nullValue());
    }

    private static ConsoleConfig settings(String observation, String plot, String patrol, String bulletin,
            Optional<String> issuer, Optional<String> clientId) {
        return new ConsoleConfig() {
            public String observationUrl() {
                return observation;
            }

            public String plotUrl() {
                return plot;
            }

            public String patrolUrl() {
                return patrol;
            }

            public String bulletinUrl() {
                return bulletin;
            }

            public Duration silentAfter() {
                return Duration.ofDays(2);
            }

            public int notRecordedYears() {
                return 3;
            }

            public Oidc oidc() {
                return new Oidc() {
                    public Optional<String> issuer() {
                        return issuer;
                    }

                    public Optional<String> clientId() {
                        return clientId;
                    }

                    public String scope() {
                        return "openid";
                    }
                };
            }
        };
    }

    @Test
    void an_unknown_console_file_is_a_404() {
        given().when().get("/console/no-such-file.js").then().statusCode(404);
    }
}
