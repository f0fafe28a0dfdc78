package org.frontline.imports.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.frontline.layers.NewFeature;
import org.locationtech.jts.geom.Envelope;

/** ACLED's CSV export into an event layer. */
final class AcledCsvFormat implements ImportFormat {
    private final Envelope focus;

    AcledCsvFormat(Envelope focus) {
        this.focus = focus;
    }

    @Override
    public void check(Path file, Layer layer, Map<String, String> options) throws IOException {
        if (layer.kind() != LayerKind.EVENT) {
            throw new ImportException("an ACLED CSV holds events: layer '" + layer.id() + "' is a layer of "
                    + layer.kind().code() + " features");
        }
        try (InputStream in = Files.newInputStream(file)) {
            checkHeader(in);
        }
    }

    /** The header check of {@link #check}, on the file's bytes (AcledImportFuzzTest fuzzes it without a file). */
    void checkHeader(InputStream in) throws IOException {
        try (CsvRecords csv = new CsvRecords(in)) {
            List<String> header = csv.next();
            if (header == null) {
                throw new ImportException("the file is empty: an ACLED CSV starts with a header line");
            }
            new AcledRows(header, focus);
        }
    }

    @Override
    public void read(Path file, Layer layer, Map<String, String> options, ImportJob job, Rows rows) throws IOException {
        try (InputStream in =
                new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), job.bytesRead)) {
            readRows(in, job, rows);
        }
    }

    /** The rows of {@link #read}, from the file's bytes. */
    void readRows(InputStream in, ImportJob job, Rows rows) throws IOException {
        try (CsvRecords csv = new CsvRecords(in)) {
            AcledRows acled = new AcledRows(csv.next(), focus);
            List<ImportException.RowError> problems = new ArrayList<>();
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                job.checkCancelled();
                problems.clear();
                NewFeature f = acled.toFeature(row, csv.line(), problems);
                if (f != null) {
                    rows.feature(csv.line(), f);
                } else {
                    rows.refused(
                            csv.line(),
                            String.join(
                                    "; ",
                                    problems.stream()
                                            .map(ImportException.RowError::problem)
                                            .toList()));
                }
            }
        }
    }
}
