package org.frontline.layers;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import org.frontline.layers.internal.GeoJsonFeatureStream;
import org.frontline.layers.internal.StoreService;
import org.frontline.web.ServerBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import tools.jackson.databind.json.JsonMapper;

/** Streams the answer to a {@link FeatureQuery} as an RFC 7946 FeatureCollection. */
@Component
public class FeatureCollectionWriter {
    private static final Logger log = LoggerFactory.getLogger(FeatureCollectionWriter.class);
    public static final String GEOJSON = "application/geo+json";

    private final StoreService store;
    private final JsonMapper json;

    FeatureCollectionWriter(StoreService store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /**
     * Writes every matching version; returns how many. The database pages the rows (fetch size). If reading
     * fails half-way, the collection is left unclosed and the error propagates: the servlet container then
     * aborts the connection, so the client sees an incomplete answer, never a well-formed truncated one.
     */
    public long write(FeatureQuery query, OutputStream out) {
        Watched watched = new Watched(out);
        GeoJsonFeatureStream stream = new GeoJsonFeatureStream(watched, json);
        try {
            store.streamRows(query, stream::write);
        } catch (RuntimeException e) {
            if (!watched.written && beforeAnswer(e)) {
                // the read failed or ran over budget while the first features were still in the JSON writer's
                // buffer: not a byte has reached the answer, so 503 as usual (it used to be a 500 after 1-12 features)
                throw e;
            }
            // No close: it would end the JSON array as if complete. And no cause on the new exception: an error
            // handler matching the cause (e.g. 503 for a lost database) would write a body into the started answer
            // and end it normally; unhandled, it makes the container abort the connection.
            log.warn(
                    "FeatureCollection of layer '{}' failed after {} features; aborting the answer",
                    query.layerId(),
                    stream.count(),
                    e);
            throw new StreamAborted("the FeatureCollection failed after " + stream.count() + " features: " + e);
        }
        stream.close();
        return stream.count();
    }

    /**
     * The database went away or the budget ran out: {@code ApiErrors} answers these with 503 and Retry-After.
     * A restart of PostgreSQL ends the read's transaction too (SQLSTATE 57P01 surfaces as a
     * TransactionSystemException when its rollback fails), so transaction failures belong here as well.
     */
    private static boolean beforeAnswer(RuntimeException e) {
        return e instanceof DataAccessException
                || e instanceof TransactionException
                || e instanceof ServerBusyException;
    }

    /** The answer's stream, noting whether any byte has been handed to it. */
    private static final class Watched extends FilterOutputStream {
        boolean written;

        Watched(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            written = true;
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            written |= len > 0;
            out.write(b, off, len);
        }
    }

    /** A FeatureCollection that failed after it started: deliberately handled by no error handler. */
    static final class StreamAborted extends RuntimeException {
        StreamAborted(String message) {
            super(message, null, false, false);
        }
    }

    /** Writes features already in hand (analysis results, history). */
    public void write(Collection<StoredFeature> features, OutputStream out) {
        try (GeoJsonFeatureStream stream = new GeoJsonFeatureStream(out, json)) {
            features.forEach(stream::write);
        }
    }
}
