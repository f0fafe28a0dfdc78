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

    /** The answer to a body over the cap. */
    public static PayloadTooLargeException tooLarge(long maxBytes) {
        return new PayloadTooLargeException("the request body is larger than the limit of " + maxBytes + " bytes");
    }
}
