package org.frontline.imports.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.locationtech.jts.geom.Envelope;

/**
 * Fuzzes the ACLED CSV import (CSV records, header check, every row) from raw bytes, as an upload arrives: any
 * file ends in rows accepted or refused with their line, or an import refusal naming the problem (a 400), within
 * 2 s — never another exception (a would-be 500). Seeds: ACLED's own column layout, in both date styles.
 */
class AcledImportFuzzTest {
    private static final AcledCsvFormat FORMAT = new AcledCsvFormat(new Envelope(25.0, 50.0, 28.0, 42.5));
    private static final Layer EVENTS = new Layer("events", "Events", LayerKind.EVENT, "{}", 0, null, null);

    static {
        ImportFuzzing.warmUp(FORMAT, "AcledImportFuzzTestInputs/csv/acled-idlib-header-and-rows", EVENTS, Map.of());
    }

    @FuzzTest(maxDuration = "5s")
    void csv(byte[] data) {
        ImportFuzzing.importOnce(FORMAT, data, EVENTS, Map.of());
    }
}
