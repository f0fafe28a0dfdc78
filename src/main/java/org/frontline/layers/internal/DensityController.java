package org.frontline.layers.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.frontline.geo.GeoJsonGeometryWriter;
import org.frontline.layers.FeatureCollectionWriter;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.layers.QueryParams;
import org.frontline.web.BadInputException;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The map's event query at any density: the events themselves when the box holds at most
 * {@code frontline.map.max-events} of them in the window, otherwise their counts per grid cell at the map's
 * zoom (a FeatureCollection of cell points with {@code count}, {@code fatalities} and the cell's
 * {@code bbox}, marked {@code "aggregated": true}). Same time parameters as {@code /features}.
 */
@RestController
class DensityController {
    private final StoreService store;
    private final DensityCells density;
    private final FeatureCollectionWriter writer;
    private final JsonMapper json;
    private final int maxEvents;

    DensityController(
            StoreService store,
            DensityCells density,
            FeatureCollectionWriter writer,
            JsonMapper json,
            @Value("${frontline.map.max-events:2000}") int maxEvents) {
        this.store = store;
        this.density = density;
        this.writer = writer;
        this.json = json;
        this.maxEvents = maxEvents;
    }

    @GetMapping("/api/layers/{layer}/density")
    @Transactional(readOnly = true)
    public void density(
            @PathVariable String layer,
            @RequestParam(required = false) String at,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) String zoom,
            @RequestParam(required = false) String asOf,
            HttpServletResponse response)
            throws IOException {
        Layer l = store.definition(layer).orElseThrow(() -> LayerService.unknownLayer(layer));
        if (l.kind() != LayerKind.EVENT) {
            throw new BadInputException("layer '" + layer + "' holds "
                    + l.kind().code() + " features; density is counted for event layers");
        }
        if (bbox == null) {
            throw new BadInputException("bbox is missing (minLon,minLat,maxLon,maxLat)");
        }
        DensityGrid grid = DensityGrid.at(zoom);
        FeatureQuery q = QueryParams.parse(l, at, from, to, bbox, asOf);
        Envelope box = grid.snap(q.bbox());
        q = q.inside(box);
        List<DensityRepository.Cell> cells = density.cells(q, grid);
        long total = cells.stream().mapToLong(DensityRepository.Cell::count).sum();
        response.setContentType(FeatureCollectionWriter.GEOJSON);
        response.setCharacterEncoding("UTF-8");
        // the client merges answers made of events only while they stay within this limit
        response.setHeader("Frontline-Max-Events", String.valueOf(maxEvents));
        if (total <= maxEvents) {
            writer.write(q, response.getOutputStream());
        } else {
            writeCells(cells, total, grid, response);
        }
    }

    private void writeCells(
            List<DensityRepository.Cell> cells, long total, DensityGrid grid, HttpServletResponse response)
            throws IOException {
        try (JsonGenerator g = json.createGenerator(response.getOutputStream())) {
            g.writeStartObject();
            g.writeStringProperty("type", "FeatureCollection");
            g.writeBooleanProperty("aggregated", true);
            g.writeNumberProperty("total", total);
            g.writeNumberProperty("zoom", grid.zoom());
            g.writeName("features");
            g.writeStartArray();
            for (DensityRepository.Cell c : cells) {
                g.writeStartObject();
                g.writeStringProperty("type", "Feature");
                g.writeStringProperty("id", "cell/" + grid.zoom() + "/" + c.column() + "/" + c.row());
                g.writeName("geometry");
                g.writeStartObject();
                g.writeStringProperty("type", "Point");
                g.writeName("coordinates");
                g.writeStartArray();
                GeoJsonGeometryWriter.number(g, c.lon());
                GeoJsonGeometryWriter.number(g, c.lat());
                g.writeEndArray();
                g.writeEndObject();
                g.writeName("properties");
                g.writeStartObject();
                g.writeNumberProperty("count", c.count());
                g.writeNumberProperty("fatalities", c.fatalities());
                g.writeName("bbox");
                g.writeStartArray();
                for (double v : grid.bounds(c.column(), c.row())) {
                    GeoJsonGeometryWriter.number(g, v);
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
