package org.frontline.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongFunction;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies no further than one byte over a cap, refusing larger ones (413) before anything parses
 * them. The one place that caps a body; {@link BodySizeLimit} applies {@code frontline.upload.max-bytes} to every
 * request with the same answer.
 */
public final class RequestBodies {
    private RequestBodies() {}

    /** The body, at most {@code maxBytes}; 413 with {@link #tooLarge(long)}'s answer above it. */
    public static byte[] read(HttpServletRequest request, long maxBytes) throws IOException {
        return read(request, maxBytes, size -> tooLarge(maxBytes));
    }

    /**
     * The body, at most {@code maxBytes}; above it, the exception {@code tooLarge} makes of the declared length or
     * of the bytes read (one more than the cap).
     */
    public static byte[] read(
            HttpServletRequest request, long maxBytes, LongFunction<PayloadTooLargeException> tooLarge)
            throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge.apply(declared);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (body.length > maxBytes) {
            throw tooLarge.apply(body.length);
        }
        return body;
    }

    public static JsonNode readJson(HttpServletRequest request, long maxBytes, JsonMapper json) throws IOException {
        byte[] body = read(request, maxBytes);
        if (body.length == 0) {
            throw new BadInputException("the request body is empty: send a GeoJSON Feature or FeatureCollection");
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new BadInputException("malformed JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Streams a body into a file, never more than {@code maxBytes} (the exception {@code tooLarge} makes of the
     * bytes read beyond it is thrown as soon as they arrive), telling {@code progress} the bytes received so far.
     * Returns the size. For uploads too large to hold in memory.
     */
    public static long copy(
            InputStream in,
            java.nio.file.Path file,
            long maxBytes,
            java.util.function.LongConsumer progress,
            LongFunction<PayloadTooLargeException> tooLarge)
            throws IOException {
        long total = 0;
        byte[] buf = new byte[1 << 16];
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                total += n;
                if (total > maxBytes) throw tooLarge.apply(total);
                out.write(buf, 0, n);
                progress.accept(total);
            }
        }
        return total;
    }

    /** The answer to a body over the cap. */
    public static PayloadTooLargeException tooLarge(long maxBytes) {
        return new PayloadTooLargeException("the request body is larger than the limit of " + maxBytes + " bytes");
    }
}
