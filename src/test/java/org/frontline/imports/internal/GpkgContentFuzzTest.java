package org.frontline.imports.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.frontline.layers.NewFeature;
import org.frontline.testsupport.FuzzGuard;

/**
 * Fuzzes what the GeoPackage import reads from a well-formed GeoPackage with hostile content: geometry blobs
 * (GeoPackage header and WKB), values in the mapped and other columns, spatial reference system, geometry column
 * and contents rows, table and column names (see {@link HostileGpkg}). Each input changes one open GeoPackage
 * inside a transaction, runs the import's own check and row reader on it ({@link GpkgFormat#check(GeoPackage,
 * Layer, Map)}, {@code read}), and rolls back: hundreds of inputs a second, where a whole file per input
 * (GpkgImportFuzzTest, which covers damaged SQLite files) costs the GeoPackage library about 24 ms to open. Any
 * input ends in rows accepted or refused, or an import refusal naming the problem (a 400), within 2 s — never
 * another exception.
 */
class GpkgContentFuzzTest {
    private static final GpkgFormat FORMAT = new GpkgFormat();
    private static final GeoPackage GEOPACKAGE =
            HostileGpkg.open("GpkgImportFuzzTestInputs/geoPackage/ogr2ogr-points.gpkg");

    static {
        // the unchanged GeoPackage imports its two events: the harness reads what the upload path reads
        Layer events = new Layer("events", "Events", LayerKind.EVENT, "{}", 0, null, null);
        List<NewFeature> features = new ArrayList<>();
        try {
            FORMAT.check(GEOPACKAGE, events, Map.of("validFrom", "since", "validTo", "until"));
            FORMAT.read(
                    GEOPACKAGE,
                    events,
                    Map.of("validFrom", "since", "validTo", "until"),
                    ImportFuzzing.job(new byte[0]),
                    new ImportFormat.Rows() {
                        @Override
                        public void feature(long line, NewFeature feature) {
                            features.add(feature);
                        }

                        @Override
                        public void refused(long line, String problem) {
                            throw new AssertionError("row " + line + " of the seed refused: " + problem);
                        }
                    });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (features.size() != 2) {
            throw new AssertionError("the seed GeoPackage gave " + features.size() + " features, not 2");
        }
    }

    @FuzzTest(maxDuration = "5s")
    void content(FuzzedDataProvider data) {
        FuzzGuard.timed(() -> {
            try {
                HostileGpkg.Target target = HostileGpkg.change(GEOPACKAGE, data);
                ImportFuzzing.checked(rows -> {
                    FORMAT.check(GEOPACKAGE, target.layer(), target.options());
                    FORMAT.read(GEOPACKAGE, target.layer(), target.options(), ImportFuzzing.job(new byte[0]), rows);
                });
            } finally {
                HostileGpkg.undo(GEOPACKAGE);
            }
        });
    }
}
