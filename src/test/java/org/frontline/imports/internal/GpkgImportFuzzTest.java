package org.frontline.imports.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.frontline.testsupport.FuzzGuard;

/**
 * Fuzzes the GeoPackage import (SQLite file, GeoPackage tables, geometry blobs, mapped columns) from raw bytes:
 * any file ends in rows accepted or refused, or an import refusal naming the problem (a 400), within 2 s — never
 * another exception. Each input is written to one reused in-memory file and goes through the format's check and
 * row reader, as an upload does. Seeds: GeoPackages written by GDAL's ogr2ogr (points and polygons with date
 * columns).
 */
class GpkgImportFuzzTest {
    private static final GpkgFormat FORMAT = new GpkgFormat();
    private static final Map<String, String> MAPPING = Map.of("validFrom", "since", "validTo", "until");
    private static final Layer EVENTS = new Layer("events", "Events", LayerKind.EVENT, "{}", 0, null, null);
    private static final Layer AREAS = new Layer("areas", "Areas", LayerKind.AREA, "{}", 0, null, null);

    static {
        ImportFuzzing.importOnce(
                FORMAT, ImportFuzzing.seed("GpkgImportFuzzTestInputs/geoPackage/ogr2ogr-points.gpkg"), EVENTS, MAPPING);
    }

    @FuzzTest(maxDuration = "5s")
    void geoPackage(byte[] data) {
        FuzzGuard.timed(() -> ImportFuzzing.importOnce(FORMAT, data, data.length % 2 == 0 ? EVENTS : AREAS, MAPPING));
    }
}
