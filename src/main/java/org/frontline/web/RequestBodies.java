package org.frontline.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.frontline.web.BadInputException;
import org.frontline.web.PayloadTooLargeException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a JSON request body, refusing bodies over the configured limit before parsing them. */
public final class RequestBodies {
    private RequestBodies() {
    }

    public static JsonNode readJson(HttpServletRequest request, long maxBytes, JsonMapper json) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (body.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (body.length == 0) {
            throw new BadInputException("the request body is empty: send a GeoJSON Feature or FeatureCollection");
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new BadInputException("malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static PayloadTooLargeException tooLarge(long maxBytes) {
        return new PayloadTooLargeException("the request body is larger than the limit of " + maxBytes + " bytes");
    }
}
