package org.frontline.imports.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.frontline.layers.Layer;
import org.frontline.layers.NewFeature;

/** A file format the import reads: a quick check of the whole file, then its rows one at a time. */
interface ImportFormat {

    /** Refuses a file that cannot be this format at all (wrong header, not SQLite, …) before a job starts. */
    void check(Path file, Layer layer, Map<String, String> options) throws IOException;

    /** Streams the rows: each becomes a feature or a refusal with its line / row number. */
    void read(Path file, Layer layer, Map<String, String> options, ImportJob job, Rows rows) throws IOException;

    /** Where rows go. */
    interface Rows {
        void feature(long line, NewFeature feature);

        void refused(long line, String problem);
    }
}
