package cn.jiaozuo.biodiversity.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract check itself, on a small document: what passes, and that each kind of mismatch names its field. */
class OpenApiContractTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {
               "/plots/{code}": {"get": {"responses": {
                 "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Plot"}}}},
                 "404": {"$ref": "#/components/responses/NotFound"}}}},
               "/plots/{code}.geojson": {"get": {"responses": {
                 "200": {"description": "ok", "content": {"application/geo+json": {"schema": {"type": "object",
                   "required": ["type"], "properties": {"type": {"const": "Feature"}}}}}}}}},
               "/plots/locate": {"get": {"responses": {
                 "200": {"description": "ok", "content": {"application/json": {"schema": {"type": "array",
                   "items": {"$ref": "#/components/schemas/Plot"}}}}}}}},
               "/plots": {"post": {"responses": {"204": {"description": "stored"}}}}},
             "components": {
               "responses": {"NotFound": {"description": "no such plot", "content": {"application/problem+json":
                 {"schema": {"$ref": "#/components/schemas/Problem"}}}}},
               "schemas": {
                 "Plot": {"type": "object", "required": ["code", "notes", "location"], "properties": {
                   "code": {"type": "string"},
                   "notes": {"type": ["string", "null"]},
                   "updatedAt": {"type": "string", "format": "date-time"},
                   "location": {"anyOf": [{"$ref": "#/components/schemas/Point"}, {"type": "null"}]}}},
                 "Point": {"type": "object", "required": ["lat"], "properties": {
                   "lat": {"type": "number"}, "accuracyM": {"type": ["number", "null"]}}},
                 "Problem": {"type": "object", "required": ["status"], "properties": {
                   "status": {"type": "integer"}, "title": {"type": "string"}}}}}}
            """;

    private final OpenApiContract contract = new OpenApiContract(DOCUMENT, "unit");

    private List<String> get(String path, int status, String contentType, String body) {
        return contract.check("GET", path, status, contentType, () -> body);
    }

    @Test
    void a_conforming_body_passes_with_nulls_where_the_schema_allows_them() {
        assertEquals(List.of(), get("/plots/410821-01", 200, "application/json;charset=UTF-8",
                "{\"code\":\"410821-01\",\"notes\":null,\"updatedAt\":\"2025-04-02T08:00:00Z\","
                        + "\"location\":{\"lat\":35.1,\"accuracyM\":null}}"));
        assertEquals(List.of(), get("/plots/410821-01", 200, "application/json", "{\"code\":\"x\",\"notes\":\"n\",\"location\":null}"));
    }

    @Test
    void a_null_where_the_schema_says_string_names_the_field() {
        List<String> mismatches = get("/plots/410821-01", 200, "application/json",
                "{\"code\":null,\"notes\":null,\"location\":{\"lat\":35.1}}");
        assertEquals(1, mismatches.size(), mismatches.toString());
        assertTrue(mismatches.get(0).startsWith("GET /plots/{code} answered 200 application/json: $.code"), mismatches.get(0));
    }

    @Test
    void a_missing_required_field_a_field_the_document_does_not_name_and_a_bad_format_are_mismatches() {
        List<String> mismatches = get("/plots/locate", 200, "application/json",
                "[{\"code\":\"a\",\"notes\":null,\"location\":null,\"colour\":\"red\",\"updatedAt\":\"yesterday\"},"
                        + "{\"code\":\"b\",\"location\":{\"lat\":1,\"altitude\":3}}]");
        String all = String.join("\n", mismatches);
        assertTrue(all.contains("GET /plots/locate answered 200"), all);
        assertTrue(all.contains("$[0]") && all.contains("colour"), "undocumented field: " + all);
        assertTrue(all.contains("$[0].updatedAt"), "date-time format: " + all);
        assertTrue(all.contains("$[1]") && all.contains("notes"), "missing required field: " + all);
        assertTrue(all.contains("altitude"), "undocumented nested field: " + all);
    }

    @Test
    void a_template_with_a_literal_suffix_is_matched_before_the_bare_template() {
        assertEquals(List.of(), get("/plots/410821-01.geojson", 200, "application/geo+json", "{\"type\":\"Feature\"}"));
        assertEquals(1, get("/plots/410821-01.geojson", 200, "application/geo+json", "{}").size());
    }

    @Test
    void problem_responses_are_checked_through_shared_response_references() {
        assertEquals(List.of(), get("/plots/x", 404, "application/problem+json", "{\"status\":404,\"title\":\"Not Found\"}"));
        List<String> mismatches = get("/plots/x", 404, "application/problem+json", "{\"status\":\"404\"}");
        assertEquals(1, mismatches.size(), mismatches.toString());
        assertTrue(mismatches.get(0).contains("$.status"), mismatches.get(0));
    }

    @Test
    void an_undocumented_status_or_media_type_is_a_mismatch_and_an_undocumented_path_is_not_checked() {
        assertEquals(List.of("GET /plots/{code} answered 409, a status its OpenAPI operation does not document"),
                get("/plots/x", 409, "application/problem+json", "{}"));
        assertEquals(List.of("GET /plots/{code} answered 200 with text/html; the document gives [application/json]"),
                get("/plots/x", 200, "text/html", "<p>"));
        assertEquals(List.of(), contract.check("POST", "/plots", 204, null, () -> ""));
        assertEquals(List.of(), get("/q/health", 200, "application/json", "{}"));
        assertEquals(List.of(), get("/elsewhere", 500, "application/json", "{}"));
    }
}
