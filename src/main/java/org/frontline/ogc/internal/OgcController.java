package org.frontline.ogc.internal;

import static org.frontline.ogc.internal.Negotiation.GEOJSON;
import static org.frontline.ogc.internal.Negotiation.HTML;
import static org.frontline.ogc.internal.Negotiation.JSON;
import static org.frontline.ogc.internal.Negotiation.OPENAPI;
import static org.frontline.ogc.internal.Negotiation.url;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.frontline.layers.FeaturePages;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerService;
import org.frontline.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/** OGC API – Features: landing page, conformance, the API definition and the collections (the layers). */
@Controller
@RequestMapping("/ogc")
class OgcController {
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html");
    static final String TITLE = "Frontline";

    private final LayerService layers;
    private final FeaturePages pages;
    private final JsonMapper json;

    OgcController(LayerService layers, FeaturePages pages, JsonMapper json) {
        this.layers = layers;
        this.pages = pages;
        this.json = json;
    }

    record Landing(String title, String description, List<Link> links) {}

    record Conformance(List<String> conformsTo) {}

    record Spatial(List<double[]> bbox, String crs) {}

    record Temporal(List<List<String>> interval, String trs) {}

    record Extent(Spatial spatial, Temporal temporal) {}

    record CollectionView(
            String id,
            String title,
            String description,
            String itemType,
            List<String> crs,
            Extent extent,
            List<Link> links) {}

    record Collections(List<Link> links, List<CollectionView> collections) {}

    @GetMapping({"", "/"})
    ModelAndView landing(
            @RequestParam(required = false) String f, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean html = Negotiation.html(f, request);
        Landing body = new Landing(
                TITLE,
                "Conflict-mapping layers with valid time (datetime) and record time (asOf)",
                List.of(
                        new Link(url(""), html ? "alternate" : "self", JSON, "this document"),
                        new Link(url("?f=html"), html ? "self" : "alternate", HTML, "this document as HTML"),
                        new Link(url("/api"), "service-desc", OPENAPI, "the API definition (OpenAPI 3.0)"),
                        new Link(url("/api.html"), "service-doc", HTML, "the API documentation"),
                        new Link(url("/conformance"), "conformance", JSON, "conformance classes implemented"),
                        new Link(url("/collections"), "data", JSON, "the layers as feature collections")));
        return answer(html, "ogc/landing", body, response);
    }

    @GetMapping("/conformance")
    ModelAndView conformance(
            @RequestParam(required = false) String f, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return answer(Negotiation.html(f, request), "ogc/conformance", new Conformance(CONFORMANCE), response);
    }

    @GetMapping("/api")
    void serviceDesc(HttpServletResponse response) throws IOException {
        Negotiation.writeJson(response, OPENAPI, OpenApiDocument.build(url("")), json);
    }

    @GetMapping("/api.html")
    ModelAndView serviceDoc() {
        return new ModelAndView("ogc/api", Map.of("base", url(""), "conformance", CONFORMANCE));
    }

    @GetMapping("/collections")
    ModelAndView collections(
            @RequestParam(required = false) String f, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean html = Negotiation.html(f, request);
        List<CollectionView> all = new ArrayList<>();
        for (Layer l : layers.layers()) {
            all.add(view(l));
        }
        Collections body = new Collections(
                List.of(
                        new Link(url("/collections"), html ? "alternate" : "self", JSON, "the collections"),
                        new Link(
                                url("/collections?f=html"),
                                html ? "self" : "alternate",
                                HTML,
                                "the collections as HTML")),
                all);
        return answer(html, "ogc/collections", body, response);
    }

    @GetMapping("/collections/{id}")
    ModelAndView collection(
            @PathVariable String id,
            @RequestParam(required = false) String f,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        boolean html = Negotiation.html(f, request);
        Layer l = layers.layer(id).orElseThrow(() -> unknown(id));
        return answer(html, "ogc/collection", view(l), response);
    }

    private CollectionView view(Layer l) {
        String base = "/collections/" + l.id();
        double[] box = pages.bbox(l.id());
        Spatial spatial = new Spatial(List.of(box == null ? new double[] {-180, -90, 180, 90} : box), ItemsQuery.CRS84);
        List<String> interval = new ArrayList<>();
        interval.add(l.extentFrom() == null ? null : l.extentFrom().toString());
        interval.add(l.extentTo() == null ? null : l.extentTo().toString());
        Temporal temporal = new Temporal(List.of(interval), "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
        return new CollectionView(
                l.id(),
                l.title(),
                "Layer of kind " + l.kind().code() + "; datetime filters valid time, asOf filters record time",
                "feature",
                List.of(ItemsQuery.CRS84),
                new Extent(spatial, temporal),
                List.of(
                        new Link(url(base), "self", JSON, "this collection"),
                        new Link(url(base + "?f=html"), "alternate", HTML, "this collection as HTML"),
                        new Link(url(base + "/items"), "items", GEOJSON, "the features"),
                        new Link(url(base + "/items?f=html"), "items", HTML, "the features as HTML")));
    }

    private ModelAndView answer(boolean html, String view, Object body, HttpServletResponse response)
            throws IOException {
        if (html) {
            return new ModelAndView(view, Map.of("body", body, "json", json.writeValueAsString(body)));
        }
        Negotiation.writeJson(response, JSON, body, json);
        return null;
    }

    static NotFoundException unknown(String id) {
        return new NotFoundException("there is no collection '" + id + "'");
    }
}
