package org.frontline.imports.internal;

import java.util.List;

/** An import that cannot go on: the file as a whole, or its rows (each with its line or row number). */
class ImportException extends RuntimeException {
    private final transient List<RowError> errors;

    ImportException(String message) {
        this(message, List.of());
    }

    ImportException(String message, List<RowError> errors) {
        super(message);
        this.errors = errors;
    }

    List<RowError> errors() {
        return errors;
    }

    /** What is wrong with one row: its line (CSV), row number (GeoPackage) or feature number (GeoJSON). */
    record RowError(long line, String problem) {}
}
