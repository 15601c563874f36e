package cn.jiaozuo.biodiversity.testsupport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document describes every operation: who may call it, what it answers, with examples. Each module runs it
 * with {@code @QuarkusTest class OpenApiDocumentationTest extends OpenApiDocumentationSpec}, naming the paths that must
 * be there and example texts that must appear; every other rule holds for every operation of the document, so a new
 * endpoint is held to them without being listed. The standard error responses come from common's
 * {@code ProblemResponsesFilter}; this checks that each operation ends up with them.
 */
public abstract class OpenApiDocumentationSpec {

    /** How a description names its callers: "Public …", "Role(s) …", "Callers: …", "Any authenticated caller …". */
    private static final Pattern NAMES_CALLERS = Pattern.compile("(?s).*(Public|Roles? |Callers:|Any authenticated caller|Staff only).*");

    /** Paths the service must document (a renamed or lost resource fails here). */
    protected abstract List<String> paths();

    /** Texts of request and response examples that must be in the document. */
    protected abstract List<String> examples();

    private static String document() {
        return given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().asString();
    }

    @Test
    void every_operation_names_its_callers_and_documents_its_answers() {
        Map<String, Map<String, Map<String, Object>>> documented = JsonPath.from(document()).getMap("paths");
        for (String path : paths()) {
            assertNotNull(documented.get(path), path + " is documented");
        }
        documented.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (path.startsWith("/test-probe")) {
                return; // test-support's own probe of the error format, in the document only under test
            }
            String where = method.toUpperCase() + " " + path;
            assertNotNull(operation.get("summary"), where + " has a summary");
            String description = String.valueOf(operation.get("description"));
            assertTrue(NAMES_CALLERS.matcher(description).matches(), where + " says who may call it: " + description);
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            assertTrue(responses.keySet().stream().anyMatch(code -> code.startsWith("2") || code.startsWith("3")),
                    where + " documents its answer");
            List<?> security = (List<?>) operation.get("security");
            if (security != null && !security.isEmpty()) {
                assertTrue(responses.containsKey("401"), where + " needs a token and documents 401");
            }
        }));
    }

    @Test
    void request_and_response_schemas_carry_examples() {
        String document = document();
        for (String example : examples()) {
            assertTrue(document.contains(example), "example " + example + " is in the document");
        }
    }
}
