package org.frontline.analysis.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.frontline.web.CsvWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Analysis tables as CSV answers ({@link CsvWriter}), and the {@code format=json|csv} choice. */
final class Csv {
    private Csv() {}

    static ResponseEntity<byte[]> of(String filename, List<String> columns, List<Map<String, Object>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            CsvWriter csv = new CsvWriter(bytes, false);
            csv.row(columns);
            for (Map<String, Object> row : rows) {
                csv.row(columns.stream().map(row::get).toList());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(bytes.toByteArray());
    }

    static boolean wanted(String format) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            return false;
        }
        if (format.equalsIgnoreCase("csv")) {
            return true;
        }
        throw new org.frontline.web.BadInputException("format must be json or csv, got '" + format + "'");
    }
}
