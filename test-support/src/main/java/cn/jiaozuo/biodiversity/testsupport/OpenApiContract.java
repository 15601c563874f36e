package cn.jiaozuo.biodiversity.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A service's published OpenAPI 3.1 document as a contract for its responses: for a request's method and path it
 * finds the documented operation, and checks that the status is documented, that the media type is one the status
 * documents and that a JSON body is valid against the schema the document gives for it (JSON Schema 2020-12, OpenAPI
 * 3.1 dialect, formats asserted). It is stricter than the document in one way: an object schema that lists its
 * properties is treated as closed, so a field the server sends but the document does not name is a mismatch too.
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_PREFIX = "_contract";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final List<String> DOCUMENT_FIELDS = List.of("openapi", "info", "jsonSchemaDialect", "servers",
            "paths", "webhooks", "components", "security", "tags", "externalDocs");
    private static final Set<String> NOT_SCHEMAS = Set.of("example", "examples", "enum", "const", "default");

    private final String iri;
    private final List<PathTemplate> paths = new ArrayList<>();
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).pathType(PathType.LEGACY).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private record PathTemplate(String template, Pattern pattern, int parameters, JsonNode item) {
    }

    /** What the document says a request may get back, or empty when it does not document the request's operation. */
    public record Expectation(String operation, String status, Map<String, String> schemaByMediaType) {
    }

    /**
     * @param documentJson the document as served at {@code /q/openapi?format=json}
     * @param name         a name for it, unique in this JVM (say the service's base URL)
     */
    public OpenApiContract(String documentJson, String name) {
        this.iri = "https://contract.test/" + name.replaceAll("[^A-Za-z0-9]+", "-") + "/openapi.json";
        ObjectNode document;
        try {
            document = (ObjectNode) JSON.readTree(documentJson);
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException("not an OpenAPI JSON document: " + e.getMessage(), e);
        }
        ObjectNode components = document.withObject("/components");
        ObjectNode componentSchemas = components.withObject("/schemas");
        componentSchemas.forEach(OpenApiContract::close);
        int counter = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            String regex = Pattern.quote(path.getKey()).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            int parameters = path.getKey().split("\\{", -1).length - 1;
            paths.add(new PathTemplate(path.getKey(), Pattern.compile(regex), parameters, path.getValue()));
            // Each response schema becomes a component of its own, so that it has a plain JSON pointer.
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                ObjectNode responses = (ObjectNode) op.getValue().path("responses");
                for (String status : iterable(responses.fieldNames())) {
                    // A shared response ($ref) is copied in, so each operation's copy can name its own schema key.
                    ObjectNode response = (ObjectNode) resolve(document, responses.get(status)).deepCopy();
                    responses.set(status, response);
                    for (Iterator<Map.Entry<String, JsonNode>> cs = response.path("content").fields(); cs.hasNext(); ) {
                        Map.Entry<String, JsonNode> content = cs.next();
                        JsonNode schema = content.getValue().get("schema");
                        if (schema != null && isJson(content.getKey())) {
                            String key = SCHEMA_PREFIX + counter++;
                            JsonNode copy = schema.deepCopy();
                            close(copy);
                            componentSchemas.set(key, copy);
                            ((ObjectNode) content.getValue()).put("x-contract-schema", key);
                        }
                    }
                }
            }
        }
        // Literal paths before templated ones: /plots/locate is not /plots/{code}. Among equals, more literal characters
        // first, as JAX-RS matches: /patrols/{uuid}.gpx is not /patrols/{uuid}.
        paths.sort(Comparator.comparingInt(PathTemplate::parameters)
                .thenComparing(Comparator.comparingInt((PathTemplate t) -> t.template().replaceAll("\\{[^}/]+}", "").length()).reversed()));
        String text = document.toString();
        // The document's own top-level fields are no schema keywords: known, so they are not logged as unknown.
        JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi31.getInstance())
                .keywords(DOCUMENT_FIELDS.stream().map(NonValidationKeyword::new).toList()).build();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(dialect).defaultMetaSchemaIri(dialect.getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(iri, text))));
    }

    /** The documented answers of {@code method path}, or empty when the document has no such operation. */
    public Optional<Expectation> expectation(String method, String path, int status) {
        String m = method.toLowerCase(Locale.ROOT);
        for (PathTemplate template : paths) {
            if (!template.pattern().matcher(path).matches()) {
                continue;
            }
            JsonNode operation = template.item().get(m);
            if (operation == null) {
                return Optional.empty();
            }
            JsonNode responses = operation.path("responses");
            String code = String.valueOf(status);
            JsonNode response = responses.get(code);
            if (response == null) {
                code = code.charAt(0) + "XX";
                response = responses.get(code);
            }
            if (response == null) {
                code = "default";
                response = responses.get(code);
            }
            if (response == null) {
                return Optional.of(new Expectation(method.toUpperCase(Locale.ROOT) + " " + template.template(), null, Map.of()));
            }
            Map<String, String> byMediaType = new LinkedHashMap<>();
            response.path("content").fields().forEachRemaining(c -> byMediaType.put(c.getKey(),
                    c.getValue().path("x-contract-schema").asText(null)));
            return Optional.of(new Expectation(method.toUpperCase(Locale.ROOT) + " " + template.template(), code, byMediaType));
        }
        return Optional.empty();
    }

    /**
     * The mismatches of one response with its documented answer: empty when it conforms or the document does not
     * describe the operation.
     *
     * @param contentType the response's Content-Type header, or null
     * @param body        the body, read only when the documented answer has a JSON schema for its media type
     */
    public List<String> check(String method, String path, int status, String contentType,
            java.util.function.Supplier<String> body) {
        Optional<Expectation> found = expectation(method, path, status);
        if (found.isEmpty()) {
            return List.of();
        }
        Expectation expected = found.get();
        String where = expected.operation() + " answered " + status;
        if (expected.status() == null) {
            return List.of(where + ", a status its OpenAPI operation does not document");
        }
        if (expected.schemaByMediaType().isEmpty() || contentType == null) {
            return List.of();
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        Optional<String> documented = expected.schemaByMediaType().containsKey(mediaType) ? Optional.of(mediaType)
                : expected.schemaByMediaType().keySet().stream().filter(k -> matches(k, mediaType)).findFirst();
        if (documented.isEmpty()) {
            return List.of(where + " with " + mediaType + "; the document gives " + expected.schemaByMediaType().keySet());
        }
        String key = expected.schemaByMediaType().get(documented.get());
        if (key == null) {
            return List.of();
        }
        JsonSchema schema = schemas.computeIfAbsent(key,
                k -> factory.getSchema(SchemaLocation.of(iri + "#/components/schemas/" + k), config));
        Set<ValidationMessage> messages;
        try {
            messages = schema.validate(body.get(), com.networknt.schema.InputFormat.JSON);
        } catch (RuntimeException e) {
            return List.of(where + " with a " + mediaType + " body that is not JSON: " + e.getMessage());
        }
        return messages.stream().map(ValidationMessage::getMessage).sorted()
                .map(m -> where + " " + mediaType + ": " + m).collect(Collectors.toList());
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        List<T> items = new ArrayList<>();
        iterator.forEachRemaining(items::add);
        return items;
    }

    private static boolean matches(String documented, String actual) {
        if (documented.equals(actual) || documented.equals("*/*")) {
            return true;
        }
        return documented.endsWith("/*") && actual.startsWith(documented.substring(0, documented.length() - 1));
    }

    static boolean isJson(String mediaType) {
        String m = mediaType.toLowerCase(Locale.ROOT);
        return m.equals("application/json") || m.endsWith("+json");
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.asText().startsWith("#/")) {
            return resolve(document, document.at(ref.asText().substring(1)));
        }
        return node;
    }

    /** Marks every object schema that lists properties as closed (unevaluatedProperties: false), recursively. */
    private static void close(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        if (node.has("properties") && !node.has("additionalProperties") && !node.has("unevaluatedProperties")) {
            node.put("unevaluatedProperties", false);
        }
        node.fields().forEachRemaining(entry -> {
            if (NOT_SCHEMAS.contains(entry.getKey())) {
                return;
            }
            JsonNode child = entry.getValue();
            switch (entry.getKey()) {
                case "properties", "patternProperties", "$defs" -> child.forEach(OpenApiContract::close);
                case "allOf", "anyOf", "oneOf", "prefixItems" -> child.forEach(OpenApiContract::close);
                case "items", "additionalProperties", "not", "contains", "if", "then", "else" -> close(child);
                default -> {
                }
            }
        });
    }
}
