package org.frontline.export.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.frontline.layers.FeatureCollectionWriter;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerService;
import org.frontline.web.BadInputException;
import org.frontline.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Layers as GeoJSON (the API's FeatureCollection), CSV (ACLED's layout for events), GeoPackage, KML and zipped
 * Shapefile, for any at/from/to/bbox/asOf ({@link ExportWindow}), streamed.
 * A GeoPackage may hold several layers: {@code /api/export/events,control.gpkg}.
 */
@RestController
class FormatExportController {
    static final String CSV = "text/csv;charset=UTF-8";
    static final String GPKG = "application/geopackage+sqlite3";
    static final String KML = "application/vnd.google-earth.kml+xml";
    static final String ZIP = "application/zip";

    private final LayerService layers;
    private final FeatureCollectionWriter writer;

    FormatExportController(LayerService layers, FeatureCollectionWriter writer) {
        this.layers = layers;
        this.writer = writer;
    }

    @GetMapping("/api/export/{layer}.geojson")
    void geojson(@PathVariable String layer, ExportWindow window, HttpServletResponse response) throws IOException {
        Layer l = layer(layer);
        FeatureQuery q = window.query(l);
        start(response, FeatureCollectionWriter.GEOJSON, window.filename(layer, "geojson"));
        response.setCharacterEncoding("UTF-8");
        writer.write(q, response.getOutputStream());
    }

    @GetMapping("/api/export/{layer}.csv")
    void csv(
            @PathVariable String layer,
            ExportWindow window,
            @RequestParam(defaultValue = "false") boolean bom,
            HttpServletResponse response)
            throws IOException {
        Layer l = layer(layer);
        FeatureQuery q = window.query(l);
        FeatureTable table = FeatureTable.of(l, layers);
        start(response, CSV, window.filename(layer, "csv"));
        CsvExport.write(layers, table, q, bom, response.getOutputStream());
    }

    @GetMapping("/api/export/{layer}.kml")
    void kml(@PathVariable String layer, ExportWindow window, HttpServletResponse response) throws IOException {
        Layer l = layer(layer);
        FeatureQuery q = window.query(l);
        FeatureTable table = FeatureTable.of(l, layers);
        start(response, KML, window.filename(layer, "kml"));
        KmlExport.write(layers, l, table, q, response.getOutputStream());
    }

    @GetMapping("/api/export/{layer}.shp.zip")
    void shapefile(@PathVariable String layer, ExportWindow window, HttpServletResponse response) throws IOException {
        Layer l = layer(layer);
        FeatureQuery q = window.query(l);
        FeatureTable table = FeatureTable.of(l, layers);
        start(response, ZIP, window.filename(layer, "shp.zip"));
        ShapefileExport.write(layers, l, table, q, response.getOutputStream());
    }

    @GetMapping("/api/export/{names}.gpkg")
    void gpkg(@PathVariable String names, ExportWindow window, HttpServletResponse response) throws IOException {
        Set<String> ids = new LinkedHashSet<>(List.of(names.split(",")));
        if (ids.size() > 50) {
            throw new BadInputException("a GeoPackage export takes at most 50 layers, got " + ids.size());
        }
        List<GpkgExport.Part> parts = new ArrayList<>();
        for (String id : ids) {
            Layer l = layer(id.strip());
            parts.add(new GpkgExport.Part(l, FeatureTable.of(l, layers), window.query(l)));
        }
        Path file = GpkgExport.write(layers, parts);
        try {
            start(response, GPKG, window.filename(String.join("+", ids), "gpkg"));
            response.setContentLengthLong(Files.size(file));
            Files.copy(file, response.getOutputStream());
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        }
    }

    private Layer layer(String id) {
        return layers.layer(id).orElseThrow(() -> new NotFoundException("there is no layer '" + id + "'"));
    }

    private static void start(HttpServletResponse response, String type, String file) {
        response.setContentType(type);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file).build().toString());
    }
}
