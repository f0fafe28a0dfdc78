package org.frontline.web;

/** A named thing (layer, feature, briefing...) that does not exist; answered with HTTP 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
