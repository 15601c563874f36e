package cn.jiaozuo.biodiversity.e2e;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every operation the services publish in their OpenAPI documents, so the sweeps cover each
 * endpoint, including ones added later, without a hand-kept list.
 */
public final class OpenApiOperations {

    /**
     * @param roles null when the operation is public, empty when any authenticated caller may call it
     * @param requestMediaType the first media type its request body documents (JSON when it has none)
     */
    public record Operation(String service, String method, String path, List<String> roles, JsonNode requestSchema,
            String requestMediaType, List<String> queryParameters, boolean streams, JsonNode document) {

        /** The path with its parameters filled in with values that exist nowhere. */
        public String concretePath() {
            return path.replaceAll("\\{[^}]*(id|uuid|Id)}", UUID.randomUUID().toString()).replaceAll("\\{[^}]*}", "410821-99");
        }

        public boolean hasJsonBody() {
            return requestSchema != null;
        }

        /** A role allowed to call it (for the input sweep), or null for public operations. */
        public String allowedRole() {
            if (roles == null) {
                return null;
            }
            return roles.isEmpty() ? "admin" : roles.get(0);
        }

        @Override
        public String toString() {
            return method + " " + service + path;
        }

        /** The schema with a {@code $ref} resolved against this operation's document. */
        public JsonNode resolve(JsonNode schema) {
            if (schema != null && schema.has("$ref")) {
                String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
                return document.path("components").path("schemas").path(name);
            }
            if (schema != null && schema.has("allOf") && schema.get("allOf").size() == 1) {
                return resolve(schema.get("allOf").get(0));
            }
            return schema;
        }
    }

    private OpenApiOperations() {
    }

    public static List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        for (String service : E2eStack.SERVICES) {
            operations.addAll(of(service));
        }
        return operations;
    }

    static List<Operation> of(String service) {
        try {
            String json = given().baseUri(service).accept("application/json").get("/q/openapi?format=json").then()
                    .statusCode(200).extract().asString();
            JsonNode document = new ObjectMapper().readTree(json);
            List<Operation> operations = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                    Map.Entry<String, JsonNode> method = methods.next();
                    if (!List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                        continue;
                    }
                    JsonNode op = method.getValue();
                    List<String> roles = null;
                    if (op.has("security") && op.get("security").size() > 0) {
                        roles = new ArrayList<>();
                        for (JsonNode requirement : op.get("security")) {
                            for (Iterator<JsonNode> scopes = requirement.elements(); scopes.hasNext(); ) {
                                for (JsonNode role : scopes.next()) {
                                    roles.add(role.asText());
                                }
                            }
                        }
                    }
                    JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
                    var mediaTypes = op.path("requestBody").path("content").fieldNames();
                    String mediaType = mediaTypes.hasNext() ? mediaTypes.next() : "application/json";
                    List<String> query = new ArrayList<>();
                    for (JsonNode parameter : op.path("parameters")) {
                        if ("query".equals(parameter.path("in").asText())) {
                            query.add(parameter.path("name").asText());
                        }
                    }
                    boolean streams = op.path("responses").path("200").path("content").has("text/event-stream");
                    operations.add(new Operation(service, method.getKey().toUpperCase(), path.getKey(), roles,
                            schema.isMissingNode() ? null : schema, mediaType, query, streams, document));
                }
            }
            return operations;
        } catch (Exception e) {
            throw new IllegalStateException("OpenAPI of " + service + " unreadable", e);
        }
    }
}
