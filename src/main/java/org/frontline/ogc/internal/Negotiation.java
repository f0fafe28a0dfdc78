package org.frontline.ogc.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.frontline.web.BadInputException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer's format: {@code f=json|html} wins; otherwise a browser asking for text/html gets HTML and
 * every other client JSON. Also builds absolute links, as OGC clients expect.
 */
final class Negotiation {
    static final String JSON = "application/json";
    static final String GEOJSON = "application/geo+json";
    static final String HTML = "text/html";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";

    private Negotiation() {}

    static boolean html(String f, HttpServletRequest request) {
        if (f != null) {
            return switch (f.strip()) {
                case "html" -> true;
                case "json" -> false;
                default -> throw new BadInputException("f must be json or html, got '" + f + "'");
            };
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains(HTML);
    }

    /** The absolute URL of {@code /ogc} + path. */
    static String url(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/ogc")
                .path(path)
                .build()
                .toUriString();
    }

    static void writeJson(HttpServletResponse response, String type, Object body, JsonMapper json) throws IOException {
        response.setContentType(type); // JSON is UTF-8 by definition (RFC 8259): no charset parameter
        json.writeValue(response.getOutputStream(), body);
    }
}
