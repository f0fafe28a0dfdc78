package org.frontline.ogc.internal;

import static org.frontline.ogc.internal.Negotiation.GEOJSON;
import static org.frontline.ogc.internal.Negotiation.HTML;
import static org.frontline.ogc.internal.Negotiation.JSON;
import static org.frontline.ogc.internal.Negotiation.url;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.frontline.layers.FeaturePages;
import org.frontline.layers.FeaturePages.Cursor;
import org.frontline.layers.FeaturePages.PageInfo;
import org.frontline.layers.FeaturePages.PageRequest;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerService;
import org.frontline.layers.StoredFeature;
import org.frontline.web.NotFoundException;
import org.frontline.web.TimeParam;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A collection's features, paged in a stable order (feature id) with next/prev links whose cursors are
 * keys, so paging never skips or repeats a feature; one feature by id.
 */
@Controller
@RequestMapping("/ogc/collections/{id}/items")
class ItemsController {
    private final LayerService layers;
    private final FeaturePages pages;
    private final JsonMapper json;

    ItemsController(LayerService layers, FeaturePages pages, JsonMapper json) {
        this.layers = layers;
        this.pages = pages;
        this.json = json;
    }

    @GetMapping
    ModelAndView items(
            @PathVariable String id,
            @RequestParam(required = false) String f,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        boolean html = Negotiation.html(f, request);
        Layer layer = layers.layer(id).orElseThrow(() -> OgcController.unknown(id));
        PageRequest req = ItemsQuery.parse(layer, request.getParameterMap());
        String stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        if (html) {
            FeaturePages.Page page = pages.page(req);
            long matched = matched(req, page.info());
            return new ModelAndView(
                    "ogc/items",
                    Map.of(
                            "layer",
                            layer,
                            "features",
                            rows(page.features()),
                            "matched",
                            matched,
                            "returned",
                            page.info().returned(),
                            "links",
                            links(page.info(), true),
                            "timeStamp",
                            stamp));
        }
        response.setContentType(GEOJSON);
        response.setCharacterEncoding("UTF-8");
        pages.writePage(req, response.getOutputStream(), (g, info) -> {
            g.writeNumberProperty("numberMatched", matched(req, info));
            g.writeNumberProperty("numberReturned", info.returned());
            g.writeStringProperty("timeStamp", stamp);
            writeLinks(g, links(info, false));
        });
        return null;
    }

    /**
     * numberMatched: a first page that is not full holds every match, so it needs no count (the usual case of a
     * viewport and a window under the limit, which bench/formats.sh measures); otherwise one COUNT.
     */
    private long matched(PageRequest req, PageInfo info) {
        if (req.after() == null && req.before() == null && !info.moreAfter() && info.returned() < req.limit()) {
            return info.returned();
        }
        return pages.count(req.query(), req.propertyEquals());
    }

    @GetMapping("/{featureId}")
    ModelAndView item(
            @PathVariable String id,
            @PathVariable String featureId,
            @RequestParam(required = false) String f,
            @RequestParam(required = false) String datetime,
            @RequestParam(required = false) String asOf,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        boolean html = Negotiation.html(f, request);
        Layer layer = layers.layer(id).orElseThrow(() -> OgcController.unknown(id));
        // Without datetime, any valid time: the feature's latest version.
        FeatureQuery q = ItemsQuery.timeAndSpace(layer, datetime == null ? "../.." : datetime, null, null, asOf);
        String base = "/collections/" + id + "/items/" + featureId;
        List<Link> links = List.of(
                new Link(url(base), html ? "alternate" : "self", GEOJSON, "this feature"),
                new Link(url(base + "?f=html"), html ? "self" : "alternate", HTML, "this feature as HTML"),
                new Link(url("/collections/" + id), "collection", JSON, "the collection"));
        if (html) {
            StoredFeature sf = pages.feature(q, featureId).orElseThrow(() -> unknownFeature(id, featureId));
            return new ModelAndView("ogc/item", Map.of("layer", layer, "f", FeatureRowView.of(sf), "links", links));
        }
        // The answer is committed only once a version was found, so a miss can still be a 404.
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        if (!pages.writeFeature(q, featureId, buffer, g -> writeLinks(g, links))) {
            throw unknownFeature(id, featureId);
        }
        response.setContentType(GEOJSON);
        response.setCharacterEncoding("UTF-8");
        buffer.writeTo(response.getOutputStream());
        return null;
    }

    private List<Link> links(PageInfo info, boolean html) {
        String type = html ? HTML : GEOJSON;
        List<Link> out = new ArrayList<>();
        out.add(new Link(current().toUriString(), "self", type, "this page"));
        out.add(new Link(
                current().replaceQueryParam("f", html ? "json" : "html").toUriString(),
                "alternate",
                html ? GEOJSON : HTML,
                html ? "this page as GeoJSON" : "this page as HTML"));
        if (info.moreAfter() && info.last() != null) {
            out.add(new Link(page("after", info.last()), "next", type, "next page"));
        }
        if (info.moreBefore() && info.first() != null) {
            out.add(new Link(page("before", info.first()), "prev", type, "previous page"));
        }
        return out;
    }

    private static String page(String direction, Cursor at) {
        return current()
                .replaceQueryParam("after")
                .replaceQueryParam("before")
                .replaceQueryParam(direction, at.token())
                .toUriString();
    }

    private static ServletUriComponentsBuilder current() {
        return ServletUriComponentsBuilder.fromCurrentRequest();
    }

    private static void writeLinks(JsonGenerator g, List<Link> links) {
        g.writeName("links");
        g.writeStartArray();
        for (Link l : links) {
            g.writeStartObject();
            g.writeStringProperty("href", l.href());
            g.writeStringProperty("rel", l.rel());
            g.writeStringProperty("type", l.type());
            g.writeStringProperty("title", l.title());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static List<FeatureRowView> rows(List<StoredFeature> features) {
        return features.stream().map(f -> FeatureRowView.of(f)).toList();
    }

    private static NotFoundException unknownFeature(String layer, String featureId) {
        return new NotFoundException("collection '" + layer + "' has no feature '" + featureId + "' at that time");
    }

    /** A feature as the HTML pages show it, with a link that opens the map at its date and place. */
    record FeatureRowView(
            String id,
            String validFrom,
            String validTo,
            String label,
            Map<String, Object> properties,
            String confidence,
            String source,
            String mapLink) {
        static FeatureRowView of(StoredFeature f) {
            Object label = f.properties().getOrDefault("title", f.properties().getOrDefault("name", ""));
            var c = f.geometry().getInteriorPoint().getCoordinate();
            String at = TimeParam.format(f.validFrom()).substring(0, 10);
            String map = "/?at=" + at + "&layers=" + f.layerId() + "&c=" + round(c.y) + "," + round(c.x) + "&z=11";
            return new FeatureRowView(
                    f.featureId(),
                    TimeParam.format(f.validFrom()),
                    TimeParam.format(f.validTo()),
                    String.valueOf(label),
                    f.properties(),
                    f.provenance().confidence(),
                    f.provenance().publisher(),
                    map);
        }

        private static String round(double v) {
            return String.valueOf(Math.round(v * 1e5) / 1e5);
        }
    }
}
