package cn.jiaozuo.biodiversity.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.observation.api.FieldAppHeaders;
import cn.jiaozuo.biodiversity.observation.config.FieldConfig;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rangers' field app (module field) is served at /field/ without a token, under a strict policy. */
@QuarkusTest
class FieldAppTest {

    @Test
    void the_page_its_modules_manifest_and_service_worker_are_served_with_their_types() {
        given().when().get("/field/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("野外记录")).body(containsString("manifest.webmanifest")).body(containsString("app.js"));
        for (String module : List.of("app.js", "auth.js", "catalog.js", "config.js", "map.js", "oidc.js", "patrol.js", "store.js", "sync.js", "util.js")) {
            given().when().get("/field/" + module).then().statusCode(200).contentType(containsString("javascript"));
        }
        given().when().get("/field/field.css").then().statusCode(200).contentType(startsWith("text/css"));
        given().when().get("/field/icon.svg").then().statusCode(200).contentType(startsWith("image/svg+xml"));
        given().when().get("/field/manifest.webmanifest").then().statusCode(200)
                .contentType(startsWith("application/manifest+json"))
                .body("start_url", equalTo("/field/")).body("scope", equalTo("/field/")).body("display", equalTo("standalone"))
                .body("icons.src", org.hamcrest.Matchers.hasItems("icon.svg", "icon-maskable.svg"));
        // The service worker is checked for updates on every start, so a release reaches phones that come back online.
        given().when().get("/field/sw.js").then().statusCode(200).contentType(containsString("javascript"))
                .header("Cache-Control", equalTo("no-cache")).body(containsString("caches.open"));
    }

    @Test
    void every_file_carries_a_strict_policy_that_allows_this_origin_and_the_services_it_names() {
        for (String path : List.of("/field/", "/field/app.js", "/field/sw.js", "/field/manifest.webmanifest", "/field/icon.svg",
                "/field/config.json")) {
            String policy = given().when().get(path).then().statusCode(200)
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Referrer-Policy", equalTo("no-referrer"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .extract().header("Content-Security-Policy");
            List<String> directives = Arrays.stream(policy.split(";")).map(String::strip).toList();
            assertTrue(directives.containsAll(List.of("default-src 'none'", "script-src 'self'", "style-src 'self'",
                    "img-src 'self'", "connect-src 'self' http://localhost:8084 http://localhost:8082", "manifest-src 'self'",
                    "worker-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'")), policy);
            assertFalse(policy.contains("unsafe") || policy.contains("*") || policy.contains("data:"), policy);
        }
    }

    @Test
    void the_settings_name_patrol_service_and_sampling_plot_service_and_no_sign_on_locally() {
        given().when().get("/field/config.json").then().statusCode(200).contentType(startsWith("application/json"))
                .body("patrolUrl", equalTo("http://localhost:8084"))
                .body("plotUrl", equalTo("http://localhost:8082"))
                .body("oidc", nullValue());
    }

    @Test
    void the_policy_adds_the_sign_on_issuer_when_a_client_is_configured() {
        String policy = FieldAppHeaders.policy(new FieldConfig() {
            public String patrolUrl() { return "https://patrols.example.cn/"; }
            public String plotUrl() { return "/plots"; }
            public Oidc oidc() {
                return new Oidc() {
                    public Optional<String> issuer() { return Optional.of("https://sso.example.cn/realms/biodiversity"); }
                    public Optional<String> clientId() { return Optional.of("biodiversity-field"); }
                    public String scope() { return "openid"; }
                };
            }
        });
        assertTrue(policy.contains("connect-src 'self' https://patrols.example.cn https://sso.example.cn;"), policy);
    }

    @Test
    void field_without_the_slash_redirects_to_the_app() {
        given().redirects().follow(false).when().get("/field").then().statusCode(302)
                .header("Location", equalTo("/field/")).header("X-Frame-Options", equalTo("DENY"));
    }

    @Test
    void the_api_keeps_its_own_headers_and_an_unknown_file_is_a_404() {
        given().when().get("/species").then().statusCode(200).header("Content-Security-Policy", nullValue());
        given().when().get("/field/no-such-file.js").then().statusCode(404);
    }
}
