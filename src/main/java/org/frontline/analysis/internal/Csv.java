package org.frontline.analysis.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Tables as RFC 4180 CSV (header row from the first row's keys). */
final class Csv {
    private Csv() {}

    static ResponseEntity<byte[]> of(String filename, List<String> columns, List<Map<String, Object>> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", columns.stream().map(Csv::cell).toList())).append("\r\n");
        for (Map<String, Object> row : rows) {
            sb.append(String.join(
                            ",", columns.stream().map(c -> cell(row.get(c))).toList()))
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v.toString();
        // quote what would break the row, and neutralise spreadsheet formulas in data written by users
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(v instanceof Number)) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
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
