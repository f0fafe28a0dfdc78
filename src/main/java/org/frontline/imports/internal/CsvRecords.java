package org.frontline.imports.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV records one at a time from a stream (strict UTF-8, a leading byte-order mark skipped),
 * knowing the line each record starts on. Broken quoting and text that is not UTF-8 are refused with the
 * line they occur on (a U+FFFD replacement character counts as not UTF-8).
 */
final class CsvRecords implements Closeable {
    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private long line = 1;
    private long recordLine;
    private boolean first = true;

    CsvRecords(InputStream stream) {
        this.in = new InputStreamReader(
                stream,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** The line the last record returned started on (1 = the header). */
    long line() {
        return recordLine;
    }

    /** The next record's fields, or null at the end. */
    List<String> next() throws IOException {
        int c = read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        while (c == '\r' || c == '\n') { // blank lines between records
            if (c == '\n') {
                line++;
            }
            c = read();
        }
        if (c < 0) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        while (true) {
            if (c == '"' && cell.isEmpty()) {
                long opened = line;
                while (true) {
                    c = read();
                    if (c < 0) {
                        throw new ImportException("line " + opened + ": a quoted field opened here is never closed");
                    }
                    if (c == '"') {
                        c = read();
                        if (c != '"') {
                            break;
                        }
                    } else if (c == '\n') {
                        line++;
                    }
                    cell.append((char) c);
                }
                if (c >= 0 && c != ',' && c != '\r' && c != '\n') {
                    throw new ImportException("line " + line + ": text after the closing quote of field "
                            + (fields.size() + 1) + " (a quote inside a field must be doubled)");
                }
            } else {
                while (c >= 0 && c != ',' && c != '\r' && c != '\n') {
                    if (c == '"') {
                        throw new ImportException("line " + line + ": a quote inside unquoted field "
                                + (fields.size() + 1) + " (quote the field and double the quote)");
                    }
                    cell.append((char) c);
                    c = read();
                }
            }
            if (cell.indexOf("\uFFFD") >= 0) {
                // Bytes that are not UTF-8 were decoded as U+FFFD: name the record they are in.
                throw new ImportException("line " + recordLine + " is not UTF-8 text (field " + (fields.size() + 1)
                        + "): save the file as UTF-8 and import it again");
            }
            fields.add(cell.toString());
            cell.setLength(0);
            if (c == ',') {
                c = read();
                continue;
            }
            if (c == '\r') {
                c = read();
                if (c != '\n' && c >= 0) {
                    pos--; // a lone CR ends the record too
                }
            }
            if (c == '\n') {
                line++;
            }
            return fields;
        }
    }

    private int read() throws IOException {
        if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
