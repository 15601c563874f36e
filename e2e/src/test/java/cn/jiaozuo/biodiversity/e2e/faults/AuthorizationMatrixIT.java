package cn.jiaozuo.biodiversity.e2e.faults;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.e2e.E2eStack;
import cn.jiaozuo.biodiversity.e2e.OpenApiOperations;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * For every endpoint of every service and every role: the roles its OpenAPI document names may
 * call it, the others get 403 problem+json, and a missing or forged token gets 401 problem+json.
 */
class AuthorizationMatrixIT {

    private static final List<String> ROLES = List.of("ranger", "station", "reviewer", "bureau", "admin");

    @Test
    void every_endpoint_enforces_the_roles_it_documents() {
        List<String> failures = new ArrayList<>();
        List<OpenApiOperations.Operation> operations = OpenApiOperations.all();
        assertFalse(operations.isEmpty());
        for (OpenApiOperations.Operation op : operations) {
            if (op.roles() == null) {
                int anonymous = call(op, null).statusCode();
                if (anonymous == 401 || anonymous == 403) {
                    failures.add(op + " is documented as public but answered " + anonymous + " without a token");
                }
                continue;
            }
            expect(failures, op, "no token", call(op, null), 401);
            expect(failures, op, "a forged token", call(op, "Bearer " + E2eStack.forgedToken("admin")), 401);
            for (String role : ROLES) {
                boolean allowed = op.roles().isEmpty() || op.roles().contains(role);
                if (allowed && op.streams()) {
                    continue; // an allowed caller would open the stream; it is covered by the alert tests
                }
                Response response = call(op, "Bearer " + E2eStack.token(role));
                if (allowed && (response.statusCode() == 401 || response.statusCode() == 403)) {
                    failures.add(op + " refused documented role " + role + " with " + response.statusCode());
                } else if (!allowed) {
                    expect(failures, op, "role " + role, response, 403);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static void expect(List<String> failures, OpenApiOperations.Operation op, String who, Response response,
            int status) {
        if (response.statusCode() != status) {
            failures.add(op + " with " + who + ": expected " + status + ", got " + response.statusCode());
        } else if (!String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            failures.add(op + " with " + who + ": " + status + " without a problem+json body");
        }
    }

    private static Response call(OpenApiOperations.Operation op, String authorization) {
        // The documented media type, so a refusal is about who calls, not about what is sent.
        RequestSpecification request = given().baseUri(op.service()).contentType(op.requestMediaType())
                .body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.request(op.method(), op.concretePath());
    }
}
