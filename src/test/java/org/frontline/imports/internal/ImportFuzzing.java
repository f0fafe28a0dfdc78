package org.frontline.imports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.frontline.layers.Layer;
import org.frontline.layers.NewFeature;

/**
 * What the import fuzz targets share: an input goes through an import format as an upload does (the quick check
 * of the whole file, then every row), and the only acceptable failure is an {@link ImportException} — answered 400
 * at once by {@code POST /api/imports} or shown as a failed job naming the problem. Row refusals are fine.
 */
final class ImportFuzzing {
    /**
     * The one file every input is written to (the GeoPackage reader needs a file), in memory (/dev/shm) when the
     * machine has it: truncating and rewriting a file on a disk that other processes fsync (a crash bench, a
     * database) waits on the file system's journal, and made the file, not the import, the cost of each input.
     */
    private static final Path FILE;

    static {
        try {
            Path shm = Path.of("/dev/shm");
            FILE = Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempFile(shm, "frontline-import-fuzz", ".bin")
                    : Files.createTempFile("frontline-import-fuzz", ".bin");
            FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImportFuzzing() {}

    /** The steps of one import of one input, handing rows to the checks. */
    interface Steps {
        void run(ImportFormat.Rows rows) throws IOException;
    }

    /**
     * A seed's bytes: each target runs one once outside the 2 s limit, so that loading and compiling the import's
     * classes (seconds on a loaded machine) does not count against the first input.
     */
    static byte[] seed(String name) {
        try (InputStream in = ImportFuzzing.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One input through a file-based format as an upload goes: the quick check of the file, then every row. */
    static void importOnce(ImportFormat format, byte[] data, Layer layer, Map<String, String> options) {
        checked(rows -> {
            Files.write(FILE, data);
            format.check(FILE, layer, options);
            format.read(FILE, layer, options, job(data), rows);
        });
    }

    static ImportJob job(byte[] data) {
        return new ImportJob("fuzz", "fuzz", "fuzz", "fuzz", data.length);
    }

    /**
     * Runs the steps, asserting what a user would: every row becomes a feature with geometry and time or is refused
     * with a reason, and the only failure is an {@link ImportException} with a message (the 400 / failed job).
     */
    static void checked(Steps steps) {
        try {
            steps.run(new ImportFormat.Rows() {
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
