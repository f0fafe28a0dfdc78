package org.frontline.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one CSV writer (exports, analysis tables, agreement breaches): RFC 4180 — comma, double quotes doubled,
 * CRLF — in UTF-8, optionally after a byte-order mark for spreadsheets. A text cell that a spreadsheet would run
 * as a formula (starting with {@code = + - @}, tab or CR) gets an apostrophe in front; numbers are written as they
 * are (a negative number is not a formula). Streams: call {@link #flush()} at the end.
 */
public final class CsvWriter {
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private final Writer out;

    public CsvWriter(OutputStream out, boolean bom) throws IOException {
        if (bom) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** One record; a null cell is empty. */
    public void row(List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** A value as one quoted-if-needed, formula-defused CSV cell. */
    public static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof BigDecimal b ? b.toPlainString() : v.toString();
        if (!(v instanceof Number) && !s.isEmpty() && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
