package org.frontline.imports.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Geometry column values for GpkgContentFuzzTest, built from fuzz bytes: GeoPackage binary headers (magic,
 * version, flags with every envelope indicator and the empty/extended bits, srs ids, envelopes with NaN and
 * infinities) followed by WKB of every type code (ISO and EWKB dimension styles, curves, unknown codes), counts
 * that lie about what follows, nested and very deeply nested collections, and truncated or raw bytes.
 */
final class HostileGeometry {
    private static final double[] COORDINATES = {
        36.6,
        35.4,
        0,
        -0.0,
        Double.NaN,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        180.000001,
        -90.5,
        1e308,
        -1e308,
        Double.MIN_VALUE,
        4e9
    };
    private static final int[] SRS_IDS = {4326, 0, -1, 3857, Integer.MAX_VALUE};
    /** Doubles in the envelope for each envelope indicator (flags bits 1–3); 5–7 are invalid. */
    private static final int[] ENVELOPE_DOUBLES = {0, 4, 6, 6, 8};
    /** Parts a nested geometry may still have, so that an input stays a few kilobytes of WKB at most. */
    private static final int MAX_PARTS = 400;

    private final FuzzedDataProvider data;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int parts;

    private HostileGeometry(FuzzedDataProvider data) {
        this.data = data;
    }

    /** One value for a geometry column. */
    static byte[] blob(FuzzedDataProvider data) {
        HostileGeometry g = new HostileGeometry(data);
        int mode = data.consumeInt(0, 7);
        if (mode == 0) {
            return data.consumeBytes(64);
        }
        g.header();
        if (mode == 1) {
            g.out.writeBytes(data.consumeBytes(64));
        } else if (mode == 2) {
            g.deep(data.consumeInt(1, 100_000));
        } else {
            g.geometry(0);
        }
        byte[] bytes = g.out.toByteArray();
        return mode == 3 ? Arrays.copyOf(bytes, data.consumeInt(0, bytes.length)) : bytes;
    }

    private void header() {
        if (data.consumeInt(0, 15) == 0) {
            out.writeBytes(data.consumeBytes(2));
        } else {
            out.writeBytes("GP".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(data.consumeBoolean() ? data.consumeByte() : 0);
        byte flags = data.consumeByte();
        out.write(flags);
        ByteOrder order = (flags & 1) == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        writeInt(order, data.consumeBoolean() ? data.pickValue(SRS_IDS) : data.consumeInt());
        int indicator = (flags >> 1) & 7;
        int doubles = indicator < ENVELOPE_DOUBLES.length ? ENVELOPE_DOUBLES[indicator] : data.consumeInt(0, 8);
        for (int i = 0; i < doubles; i++) {
            writeDouble(order, coordinate());
        }
    }

    /** Geometry collections nested {@code levels} deep around one point (a stack for recursive readers). */
    private void deep(int levels) {
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        byte[] level = ByteBuffer.allocate(9)
                .order(order)
                .put((byte) 1)
                .putInt(7)
                .putInt(1)
                .array();
        for (int i = 0; i < levels; i++) {
            out.writeBytes(level);
        }
        out.write(1);
        writeInt(order, 1);
        writeDouble(order, coordinate());
        writeDouble(order, coordinate());
    }

    private void geometry(int depth) {
        ByteOrder order = data.consumeBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        int orderByte = order == ByteOrder.LITTLE_ENDIAN ? 1 : 0;
        out.write(data.consumeInt(0, 31) == 0 ? data.consumeByte() : orderByte);
        int base = data.consumeInt(0, 17);
        boolean z = data.consumeBoolean();
        boolean m = data.consumeBoolean();
        int style = data.consumeInt(0, 3);
        boolean srid = style == 1 && data.consumeBoolean();
        int code = switch (style) {
            case 0 -> base + (z ? 1000 : 0) + (m ? 2000 : 0);
            case 1 -> base | (z ? 0x80000000 : 0) | (m ? 0x40000000 : 0) | (srid ? 0x20000000 : 0);
            case 2 -> data.consumeInt();
            default -> base;
        };
        writeInt(order, code);
        if (srid) {
            writeInt(order, data.pickValue(SRS_IDS));
        }
        int dims = 2 + (z ? 1 : 0) + (m ? 1 : 0);
        switch (base) {
            case 1 -> points(order, dims, 1);
            case 2, 8 -> points(order, dims, count(order));
            case 3, 17 -> {
                int rings = count(order);
                for (int i = 0; i < rings && parts < MAX_PARTS; i++) {
                    points(order, dims, count(order));
                }
            }
            default -> {
                int n = count(order);
                for (int i = 0; i < n && depth < 8 && parts++ < MAX_PARTS; i++) {
                    geometry(depth + 1);
                }
            }
        }
    }

    /** A count as written: usually what follows, sometimes a lie (huge, negative) with few parts after it. */
    private int count(ByteOrder order) {
        if (data.consumeInt(0, 15) == 0) {
            writeInt(order, data.consumeInt());
            return data.consumeInt(0, 2);
        }
        int n = data.consumeInt(0, 5);
        writeInt(order, n);
        return n;
    }

    private void points(ByteOrder order, int dims, int n) {
        for (int i = 0; i < n * dims && parts < MAX_PARTS * 4; i++, parts++) {
            writeDouble(order, coordinate());
        }
    }

    private double coordinate() {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> data.consumeDouble();
            case 1 -> data.consumeRegularDouble(-200, 200);
            default -> data.pickValue(COORDINATES);
        };
    }

    private void writeInt(ByteOrder order, int v) {
        out.writeBytes(ByteBuffer.allocate(4).order(order).putInt(v).array());
    }

    private void writeDouble(ByteOrder order, double v) {
        out.writeBytes(ByteBuffer.allocate(8).order(order).putDouble(v).array());
    }
}
