package org.frontline.imports.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;

/**
 * Fuzzes the GeoPackage import (SQLite file, GeoPackage tables, geometry blobs, mapped columns) from raw bytes:
 * any file ends in rows accepted or refused, or an import refusal naming the problem (a 400), within 2 s — never
 * another exception. Seeds: GeoPackages written by GDAL's ogr2ogr (points and polygons with date columns).
 */
class GpkgImportFuzzTest {
    private static final GpkgFormat FORMAT = new GpkgFormat();
    private static final Map<String, String> MAPPING = Map.of("validFrom", "since", "validTo", "until");
    private static final Layer EVENTS = new Layer("events", "Events", LayerKind.EVENT, "{}", 0, null, null);
    private static final Layer AREAS = new Layer("areas", "Areas", LayerKind.AREA, "{}", 0, null, null);

    static {
        ImportFuzzing.warmUp(FORMAT, "GpkgImportFuzzTestInputs/geoPackage/ogr2ogr-points.gpkg", EVENTS, MAPPING);
    }

    @FuzzTest(maxDuration = "5s")
    void geoPackage(byte[] data) {
        ImportFuzzing.importOnce(FORMAT, data, data.length % 2 == 0 ? EVENTS : AREAS, MAPPING);
    }
}
