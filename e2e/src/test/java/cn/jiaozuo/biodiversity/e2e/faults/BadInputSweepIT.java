package cn.jiaozuo.biodiversity.e2e.faults;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.e2e.E2eStack;
import cn.jiaozuo.biodiversity.e2e.OpenApiOperations;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken input against every endpoint the services document: malformed JSON, wrong
 * types, bodies over 1 MB, huge strings, odd Unicode, SQL- and script-like strings, NaN/Infinity
 * and out-of-range numbers, duplicate keys, trailing content, numbers in strings, the nil uuid, dates,
 * durations and cursors beyond the years 1900–2199, in bodies, query parameters and path parameters. The
 * answer is always a 4xx problem+json (or a success where the input happens to be acceptable), never a 5xx.
 * Bodies over the limit are a 413 problem also when sent chunked; tokens expired 10 s ago are refused. URLs
 * stay under Vert.x's 4 KB request-line limit, beyond which the HTTP layer answers a bare 414 (a long path value, 1 KB
 * encoded, fits three times: patrol-service has paths with two parameters).
 */
class BadInputSweepIT {

    /** Raw JSON values (not strings of JSON), to put in place of a field or as the whole body. */
    private static final List<String> HOSTILE_VALUES = List.of(
            "\"'; DROP TABLE observation; --\"",
            "\"<script>alert('x')</script>\"",
            "\"" + "長".repeat(100_000) + "\"",
            "\"\\u0000\\u202e\\ud800 🐆 e\\u0301\"",
            "NaN", "Infinity", "-Infinity", "1e309", "-1e309", "99999999999999999999999999",
            "-1", "0", "2147483648", "9223372036854775808", "1.5",
            "true", "null", "[]", "{}", "[1,2,3]", "{\"nested\":{\"deeper\":[{}]}}",
            "\"2026-13-45T25:61:00+08:00\"", "\"not-a-uuid\"",
            // Strict JSON (docs/errors.md): numbers in strings, non-finite numbers as strings, the nil uuid, dates
            // beyond the years 1900–2199 that PostgreSQL or Java's date arithmetic cannot take.
            "\"Infinity\"", "\"NaN\"", "\"12\"", "\"00000000-0000-0000-0000-000000000000\"",
            "\"+294277-01-01T00:00:00Z\"", "\"-4714-11-24T00:00:00Z\"", "\"-999999999-01-01\"", "\"\"");

    /**
     * Paths configured with a limit above 1 MB (biodiversity.http.large-body-paths: observation batches 8 MB, patrols
     * with their tracks 16 MB), each with a body size over its limit.
     */
    private static final Map<String, Integer> LARGE_BODY_PATHS = Map.of("/observations/batch", 9_000_000,
            "/imports/", 9_000_000, "/patrols", 17_000_000);

    private static final List<String> HOSTILE_BODIES = List.of(
            "{\"a\":", "{,}", "[", "\"just a string\"", "42", "null", "[]", "{\"a\":NaN}", "\u00ff\u00fe", "{\"a\":\"\\x\"}",
            "{\"a\":1,\"a\":2}", "{} {}", "{} garbage", "{\"a\":\"\\u0000\"}");

    private static final List<String> HOSTILE_QUERY = List.of(
            "' OR 1=1 --", "<script>alert(1)</script>", "NaN", "Infinity", "-1", "0", "99999999999999999999",
            "2026-13-45", "not-a-date", "\u202e🐆\u0000", "%", "長".repeat(300), "410821' OR '1'='1",
            // Dates, durations and cursors beyond what PostgreSQL and Java's date arithmetic take (docs/errors.md).
            "+294277-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "P999999999999D", "P99999999999999999999D",
            cursor("+294277-01-01T00:00:00Z"), cursor(Long.toString(Long.MAX_VALUE)), cursor(Long.toString(Long.MIN_VALUE)));

    /** A cursor as observation-service (an instant) or alert-service (epoch microseconds) encodes it, with {@code position}. */
    private static String cursor(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (position + "|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void no_hostile_body_gets_a_server_error() {
        List<String> failures = new ArrayList<>();
        for (OpenApiOperations.Operation op : OpenApiOperations.all()) {
            if (!op.hasJsonBody()) {
                continue;
            }
            for (String body : HOSTILE_BODIES) {
                check(failures, op, "body " + abbreviate(body), send(op, body));
            }
            JsonNode schema = op.resolve(op.requestSchema());
            for (String field : propertyNames(schema)) {
                for (String value : HOSTILE_VALUES) {
                    check(failures, op, field + "=" + abbreviate(value), send(op, "{\"" + field + "\":" + value + "}"));
                }
            }
            // Over 1 MB is refused, except on the upload paths, which are refused over their own limit.
            int size = overTheLimit(op, 1_100_000);
            Response huge = send(op, "{\"notes\":\"" + "x".repeat(size) + "\"}");
            if (huge.statusCode() != 413) {
                failures.add(op + ": a " + size + " byte body answered " + huge.statusCode() + " instead of 413");
            }
            check(failures, op, size + " byte body", huge);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Chunked transfer (no Content-Length): the body limit holds on the bytes read, with a 413 problem. */
    @Test
    void a_chunked_body_over_the_limit_is_a_413_problem_everywhere() throws Exception {
        List<String> failures = new ArrayList<>();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (OpenApiOperations.Operation op : OpenApiOperations.all()) {
            if (!op.hasJsonBody()) {
                continue;
            }
            int size = overTheLimit(op, 3_000_000);
            byte[] body = ("{\"notes\":\"" + "x".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(op.service() + op.concretePath()))
                    .header("Content-Type", "application/json")
                    .method(op.method().toUpperCase(Locale.ROOT), HttpRequest.BodyPublishers
                            .ofInputStream(() -> new ByteArrayInputStream(body)));
            if (op.allowedRole() != null) {
                request.header("Authorization", "Bearer " + E2eStack.token(op.allowedRole()));
            }
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 413 || !response.headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/problem+json")) {
                    failures.add(op + ": a chunked " + size + " byte body answered " + response.statusCode() + " "
                            + response.headers().firstValue("Content-Type").orElse("") + " instead of a 413 problem");
                }
            } catch (IOException e) {
                failures.add(op + ": a chunked " + size + " byte body broke the connection before an answer: " + e);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** smallrye-jwt's default 60 s of clock skew is cut to 5 s on every service. */
    @Test
    void a_token_expired_ten_seconds_ago_is_refused_everywhere() {
        List<String> failures = new ArrayList<>();
        for (OpenApiOperations.Operation op : OpenApiOperations.all()) {
            if (op.allowedRole() == null || op.streams()) {
                continue;
            }
            // The documented media type (a GPX upload's is not JSON), so the refusal is about the token, not the body.
            RequestSpecification request = given().baseUri(op.service()).contentType(op.requestMediaType()).header(
                    "Authorization", "Bearer " + E2eStack.expiredToken(op.allowedRole(), Duration.ofSeconds(10)));
            if (op.hasJsonBody()) {
                request.body("{}");
            }
            Response response = request.request(op.method(), op.concretePath());
            if (response.statusCode() != 401) {
                failures.add(op + " accepted a token expired 10 s ago: " + response.statusCode());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void no_hostile_query_or_path_parameter_gets_a_server_error() {
        List<String> failures = new ArrayList<>();
        for (OpenApiOperations.Operation op : OpenApiOperations.all()) {
            if (op.streams()) {
                continue; // an accepted filter would open the event stream
            }
            for (String parameter : op.queryParameters()) {
                for (String value : HOSTILE_QUERY) {
                    Response response = request(op).queryParam(parameter, value).request(op.method(), op.concretePath());
                    check(failures, op, "?" + parameter + "=" + abbreviate(value), response);
                }
            }
            if (op.path().contains("{")) {
                for (String value : List.of("' OR 1=1 --", "..%2F..%2Fetc%2Fpasswd", "長".repeat(120), "-1", "NaN", "%00")) {
                    String path = op.path().replaceAll("\\{[^}]*}", java.util.regex.Matcher.quoteReplacement(
                            java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
                    check(failures, op, "path " + abbreviate(value), request(op).urlEncodingEnabled(false)
                            .request(op.method(), path));
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** A body size over the operation's limit: its large-body path's, or {@code otherwise} over the 1 MB default. */
    private static int overTheLimit(OpenApiOperations.Operation op, int otherwise) {
        return LARGE_BODY_PATHS.entrySet().stream().filter(path -> op.path().startsWith(path.getKey()))
                .mapToInt(Map.Entry::getValue).findFirst().orElse(otherwise);
    }

    private static RequestSpecification request(OpenApiOperations.Operation op) {
        RequestSpecification request = given().baseUri(op.service()).contentType("application/json");
        if (op.allowedRole() != null) {
            request.header("Authorization", "Bearer " + E2eStack.token(op.allowedRole()));
        }
        if (op.hasJsonBody()) {
            request.body("{}");
        }
        return request;
    }

    private static Response send(OpenApiOperations.Operation op, String body) {
        RequestSpecification request = given().baseUri(op.service()).contentType("application/json; charset=UTF-8").body(body);
        if (op.allowedRole() != null) {
            request.header("Authorization", "Bearer " + E2eStack.token(op.allowedRole()));
        }
        return request.request(op.method(), op.concretePath());
    }

    private static void check(List<String> failures, OpenApiOperations.Operation op, String input, Response response) {
        int status = response.statusCode();
        if (status >= 500) {
            failures.add(op + " with " + input + " answered " + status + ": " + abbreviate(response.asString()));
        } else if (status >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            failures.add(op + " with " + input + " answered " + status + " without problem+json ("
                    + response.contentType() + ")");
        }
    }

    private static List<String> propertyNames(JsonNode schema) {
        List<String> names = new ArrayList<>();
        if (schema != null) {
            for (Iterator<String> it = schema.path("properties").fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
        }
        return names;
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…(" + value.length() + ")" : value;
    }
}
