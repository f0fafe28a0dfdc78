package org.frontline.imports.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** One import's progress, as {@code GET /api/imports/{id}} reports it. */
final class ImportJob {
    enum State {
        QUEUED,
        VALIDATING,
        STORING,
        DONE,
        FAILED,
        CANCELLED
    }

    final String id;
    final String layer;
    final String format;
    final String user;
    final long bytes;
    final Instant started;
    final AtomicLong read = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong created = new AtomicLong();
    final AtomicLong corrected = new AtomicLong();
    final AtomicLong unchanged = new AtomicLong();
    final AtomicLong bytesRead = new AtomicLong();
    volatile State state = State.QUEUED;
    volatile String detail;
    volatile List<ImportException.RowError> errors = List.of();
    volatile boolean cancelRequested;
    volatile Instant finished;

    ImportJob(String id, String layer, String format, String user, long bytes) {
        this(id, layer, format, user, bytes, Instant.now());
    }

    ImportJob(String id, String layer, String format, String user, long bytes, Instant started) {
        this.id = id;
        this.layer = layer;
        this.format = format;
        this.user = user;
        this.bytes = bytes;
        this.started = started;
    }

    /** Thrown inside the job's loops once a cancel was asked for; the transaction rolls back. */
    void checkCancelled() {
        if (cancelRequested) {
            throw new ImportException("the import was cancelled; nothing was stored");
        }
    }

    /** 0–100: validating is the first half of the work, storing the second. */
    int percent() {
        return switch (state) {
            case QUEUED -> 0;
            case DONE -> 100;
            case VALIDATING, STORING -> {
                double part = bytes == 0 ? 0 : Math.min(1.0, bytesRead.get() / (double) bytes);
                yield (int) Math.round((state == State.VALIDATING ? 0 : 50) + 50 * part);
            }
            default -> (int) Math.round(bytes == 0 ? 0 : Math.min(100, 100.0 * bytesRead.get() / bytes));
        };
    }

    boolean finished() {
        return state == State.DONE || state == State.FAILED || state == State.CANCELLED;
    }
}
