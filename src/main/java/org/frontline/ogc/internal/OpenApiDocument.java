package org.frontline.ogc.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OpenAPI 3.0 definition of the {@code /ogc} service (the landing page's service-desc). */
final class OpenApiDocument {
    private static final String PARAMS = "#/components/parameters/";

    private OpenApiDocument() {}

    static Map<String, Object> build(String serverUrl) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put(
                "info",
                Map.of(
                        "title",
                        OgcController.TITLE + " — OGC API Features",
                        "version",
                        "1.0.0",
                        "description",
                        "Layers of dated features. datetime selects valid time (when it was true on the "
                                + "ground), the vendor parameter asOf selects record time (what was known then)."));
        doc.put("servers", List.of(Map.of("url", serverUrl)));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", get("landing page", "the landing page", "application/json", List.of("f")));
        paths.put(
                "/conformance",
                get("conformance", "the conformance classes implemented", "application/json", List.of("f")));
        paths.put("/api", get("API definition", "this document", Negotiation.OPENAPI, List.of()));
        paths.put("/collections", get("collections", "the layers", "application/json", List.of("f")));
        paths.put(
                "/collections/{collectionId}",
                get("collection", "one layer", "application/json", List.of("collectionId", "f")));
        paths.put(
                "/collections/{collectionId}/items",
                get(
                        "features",
                        "features of a layer, paged",
                        "application/geo+json",
                        List.of("collectionId", "bbox", "datetime", "limit", "asOf", "after", "before", "f")));
        paths.put(
                "/collections/{collectionId}/items/{featureId}",
                get(
                        "feature",
                        "one feature",
                        "application/geo+json",
                        List.of("collectionId", "featureId", "datetime", "asOf", "f")));
        doc.put("paths", paths);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("collectionId", param("collectionId", "path", "the layer id", Map.of("type", "string"), true));
        params.put("featureId", param("featureId", "path", "the feature id", Map.of("type", "string"), true));
        params.put(
                "f",
                param("f", "query", "answer format", Map.of("type", "string", "enum", List.of("json", "html")), false));
        params.put(
                "bbox",
                param(
                        "bbox",
                        "query",
                        "minLon,minLat,maxLon,maxLat (CRS84)",
                        Map.of("type", "array", "minItems", 4, "maxItems", 6, "items", Map.of("type", "number")),
                        false));
        params.put(
                "datetime",
                param(
                        "datetime",
                        "query",
                        "valid time: an instant, a date (the whole day) or an "
                                + "interval start/end with '..' for an open end",
                        Map.of("type", "string"),
                        false));
        params.put(
                "limit",
                param(
                        "limit",
                        "query",
                        "features per page (larger values are served as 10000)",
                        Map.of(
                                "type",
                                "integer",
                                "minimum",
                                1,
                                "maximum",
                                ItemsQuery.MAX_LIMIT,
                                "default",
                                ItemsQuery.DEFAULT_LIMIT),
                        false));
        params.put(
                "asOf",
                param(
                        "asOf",
                        "query",
                        "record time: as the system knew it then (a date means the end " + "of that day)",
                        Map.of("type", "string"),
                        false));
        params.put("after", param("after", "query", "paging cursor from a next link", Map.of("type", "string"), false));
        params.put(
                "before", param("before", "query", "paging cursor from a prev link", Map.of("type", "string"), false));
        doc.put("components", Map.of("parameters", params));
        return doc;
    }

    private static Map<String, Object> get(String summary, String description, String type, List<String> params) {
        List<Object> refs = new ArrayList<>();
        params.forEach(p -> refs.add(Map.of("$ref", PARAMS + p)));
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put(
                "200", Map.of("description", description, "content", Map.of(type, Map.of(), "text/html", Map.of())));
        responses.put("400", Map.of("description", "bad parameter (problem+json)"));
        responses.put("404", Map.of("description", "not found (problem+json)"));
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", summary);
        op.put("parameters", refs);
        op.put("responses", responses);
        return Map.of("get", op);
    }

    private static Map<String, Object> param(
            String name, String in, String description, Map<String, Object> schema, boolean required) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", in);
        p.put("description", description);
        p.put("required", required);
        p.put("schema", schema);
        if (name.equals("bbox")) {
            p.put("style", "form");
            p.put("explode", false);
        }
        return p;
    }
}
