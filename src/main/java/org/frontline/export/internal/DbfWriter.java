package org.frontline.export.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.frontline.web.BadInputException;

/**
 * A dBASE III table (the shapefile's .dbf) in UTF-8 (the .cpg says so): text as C fields as wide as the longest
 * value (at most 254 bytes, cut on a character boundary), integers and reals as N, booleans as L, dates as D, date
 * times as ISO-8601 text. The record count is written into the header at the end.
 */
final class DbfWriter implements AutoCloseable {
    static final int MAX_TEXT = 254;
    private final Path file;
    private final OutputStream out;
    private final List<FeatureTable.Column> columns;
    private final int[] widths;
    private final byte[] record;
    private int count;

    /** {@code textWidths}: the longest UTF-8 value of each text column, in bytes (others ignored). */
    DbfWriter(Path file, List<FeatureTable.Column> columns, List<String> names, int[] textWidths) throws IOException {
        if (columns.size() > 255) {
            throw new BadInputException("a shapefile holds at most 255 columns; this layer has " + columns.size()
                    + " (export it as GeoPackage)");
        }
        this.file = file;
        this.columns = columns;
        this.widths = new int[columns.size()];
        int length = 1;
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = switch (columns.get(i).type()) {
                case INTEGER -> 18;
                case REAL -> 24;
                case BOOLEAN -> 1;
                case DATE -> 8;
                case DATETIME -> 24;
                case TEXT -> Math.max(1, Math.min(MAX_TEXT, textWidths[i]));
            };
            length += widths[i];
        }
        this.record = new byte[length];
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        ByteBuffer h = ByteBuffer.allocate(32 + 32 * columns.size() + 1).order(ByteOrder.LITTLE_ENDIAN);
        LocalDate today = LocalDate.now();
        h.put((byte) 3)
                .put((byte) (today.getYear() - 1900))
                .put((byte) today.getMonthValue())
                .put((byte) today.getDayOfMonth());
        h.putInt(0).putShort((short) h.capacity()).putShort((short) length);
        h.position(32);
        for (int i = 0; i < columns.size(); i++) {
            byte[] name = Arrays.copyOf(names.get(i).getBytes(StandardCharsets.US_ASCII), 11);
            h.put(name).put((byte) type(columns.get(i).type())).putInt(0);
            h.put((byte) widths[i]).put((byte) (columns.get(i).type() == FeatureTable.Type.REAL ? 10 : 0));
            h.put(new byte[14]);
        }
        h.put((byte) 0x0D);
        out.write(h.array());
    }

    private static char type(FeatureTable.Type t) {
        return switch (t) {
            case INTEGER, REAL -> 'N';
            case BOOLEAN -> 'L';
            case DATE -> 'D';
            default -> 'C';
        };
    }

    /** The UTF-8 length a value takes as text (to size the text columns in a first pass). */
    static int textLength(Object v) {
        String s = FeatureTable.text(v);
        return s == null ? 0 : Math.min(MAX_TEXT, s.getBytes(StandardCharsets.UTF_8).length);
    }

    void write(List<Object> values) throws IOException {
        Arrays.fill(record, (byte) ' ');
        int at = 1;
        for (int i = 0; i < widths.length; i++) {
            Object v = values.get(i);
            if (v != null) {
                byte[] b = switch (columns.get(i).type()) {
                    case INTEGER -> right(v.toString(), widths[i]);
                    case REAL ->
                        right(
                                BigDecimal.valueOf((Double) v)
                                        .setScale(10, RoundingMode.HALF_UP)
                                        .toPlainString(),
                                widths[i]);
                    case BOOLEAN -> ((Boolean) v) ? new byte[] {'T'} : new byte[] {'F'};
                    case DATE -> v.toString().replace("-", "").getBytes(StandardCharsets.US_ASCII);
                    default -> utf8(FeatureTable.text(v), widths[i]);
                };
                System.arraycopy(b, 0, record, at, Math.min(b.length, widths[i]));
            }
            at += widths[i];
        }
        out.write(record);
        count++;
    }

    private static byte[] right(String s, int width) {
        if (s.length() > width) {
            return new byte[0]; // does not fit: left empty (null) rather than cut into another number
        }
        return (" ".repeat(width - s.length()) + s).getBytes(StandardCharsets.US_ASCII);
    }

    /** UTF-8 bytes, cut to at most {@code max} without splitting a character. */
    static byte[] utf8(String s, int max) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= max) {
            return b;
        }
        int end = max;
        while (end > 0 && (b[end] & 0xC0) == 0x80) {
            end--;
        }
        return Arrays.copyOf(b, end);
    }

    @Override
    public void close() throws IOException {
        out.write(0x1A);
        out.close();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(4);
            raf.write(ByteBuffer.allocate(4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(count)
                    .array());
        }
    }
}
