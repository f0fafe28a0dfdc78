package org.frontline.imports.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import org.frontline.testsupport.FuzzGuard;
import org.locationtech.jts.geom.Envelope;

/**
 * Fuzzes the ACLED CSV import (CSV records, header check, every row) from raw bytes, as an upload arrives: any
 * file ends in rows accepted or refused with their line, or an import refusal naming the problem (a 400), within
 * 2 s — never another exception (a would-be 500). The bytes go to the format's own check and row reader as a
 * stream (what {@code check}/{@code read} do after opening the uploaded file), so an input costs parsing, not
 * file-system calls. Seeds: ACLED's own column layout, in both date styles.
 */
class AcledImportFuzzTest {
    private static final AcledCsvFormat FORMAT = new AcledCsvFormat(new Envelope(25.0, 50.0, 28.0, 42.5));

    static {
        once(ImportFuzzing.seed("AcledImportFuzzTestInputs/csv/acled-idlib-header-and-rows"));
    }

    @FuzzTest(maxDuration = "5s")
    void csv(byte[] data) {
        FuzzGuard.timed(() -> once(data));
    }

    private static void once(byte[] data) {
        ImportFuzzing.checked(rows -> {
            FORMAT.checkHeader(new ByteArrayInputStream(data));
            FORMAT.readRows(new ByteArrayInputStream(data), ImportFuzzing.job(data), rows);
        });
    }
}
