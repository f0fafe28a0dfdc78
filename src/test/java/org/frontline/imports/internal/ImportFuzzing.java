package org.frontline.imports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.frontline.layers.Layer;
import org.frontline.layers.NewFeature;
import org.frontline.testsupport.FuzzGuard;

/**
 * What the import fuzz targets share: an input goes through an import format as an upload does (the quick check
 * of the whole file, then every row), and the only acceptable failure is an {@link ImportException} — answered 400
 * at once by {@code POST /api/imports} or shown as a failed job naming the problem. Row refusals are fine.
 */
final class ImportFuzzing {
    private static final Path FILE;

    static {
        try {
            FILE = Files.createTempFile("frontline-import-fuzz", ".bin");
            FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImportFuzzing() {}

    /**
     * Runs a seed once outside the 2 s limit, so that loading and compiling the import's classes (seconds on a
     * loaded machine) does not count against the first input.
     */
    static void warmUp(ImportFormat format, String seed, Layer layer, Map<String, String> options) {
        try (InputStream in = ImportFuzzing.class.getResourceAsStream(seed)) {
            run(format, in.readAllBytes(), layer, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void importOnce(ImportFormat format, byte[] data, Layer layer, Map<String, String> options) {
        FuzzGuard.timed(() -> run(format, data, layer, options));
    }

    private static void run(ImportFormat format, byte[] data, Layer layer, Map<String, String> options) {
        {
            try {
                Files.write(FILE, data);
                ImportJob job = new ImportJob("fuzz", layer.id(), "fuzz", "fuzz", data.length);
                format.check(FILE, layer, options);
                format.read(FILE, layer, options, job, new ImportFormat.Rows() {
                    @Override
                    public void feature(long line, NewFeature feature) {
                        if (feature.geometry() == null || feature.validFrom() == null) {
                            throw new AssertionError("line " + line + " became a feature without geometry or time");
                        }
                    }

                    @Override
                    public void refused(long line, String problem) {
                        if (problem == null || problem.isBlank()) {
                            throw new AssertionError("line " + line + " refused without saying why");
                        }
                    }
                });
            } catch (ImportException expected) {
                if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                    throw new AssertionError("a refusal without a message", expected);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
