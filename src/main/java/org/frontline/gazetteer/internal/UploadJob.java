package org.frontline.gazetteer.internal;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One gazetteer upload as {@code GET /api/admin/gazetteer/uploads/{id}} shows it while it runs: receiving (bytes
 * so far of the declared length), checking (bytes of the file read; OSM: place nodes), then done or failed.
 */
public final class UploadJob {
    public enum State {
        RECEIVING,
        CHECKING,
        DONE,
        FAILED
    }

    final String id;
    final String format;
    final String fileName;
    final String user;
    /** Content-Length as declared, -1 when the body is chunked. */
    final long declaredBytes;

    final Instant started = Instant.now();
    final AtomicLong bytesReceived = new AtomicLong();
    final AtomicLong checked = new AtomicLong();
    volatile long size;
    volatile State state = State.RECEIVING;
    volatile long rows;
    volatile int placesIndexed;
    volatile int status;
    volatile String detail;
    volatile Instant finished;

    UploadJob(String id, String format, String fileName, String user, long declaredBytes) {
        this.id = id;
        this.format = format;
        this.fileName = fileName;
        this.user = user;
        this.declaredBytes = declaredBytes;
    }

    /** 0–100: receiving is the first half when the length is known, checking the second (by bytes; OSM: none). */
    int percent() {
        return switch (state) {
            case DONE -> 100;
            case RECEIVING ->
                declaredBytes > 0 ? (int) (50 * Math.min(1.0, bytesReceived.get() / (double) declaredBytes)) : 0;
            case CHECKING ->
                format.equals("osm") || size == 0 ? 50 : (int) (50 + 49 * Math.min(1.0, checked.get() / (double) size));
            case FAILED -> 0;
        };
    }

    /** What the API shows. */
    public record View(
            String id,
            String format,
            String fileName,
            String user,
            String state,
            int percent,
            long bytesDeclared,
            long bytesReceived,
            long checked,
            long rows,
            Integer placesIndexed,
            Integer status,
            String detail,
            String startedAt,
            String finishedAt) {}

    View view() {
        boolean done = state == State.DONE;
        return new View(
                id,
                format,
                fileName,
                user,
                state.name().toLowerCase(java.util.Locale.ROOT),
                percent(),
                declaredBytes,
                bytesReceived.get(),
                checked.get(),
                rows,
                done ? placesIndexed : null,
                state == State.FAILED ? status : null,
                detail,
                started.toString(),
                finished == null ? null : finished.toString());
    }
}
