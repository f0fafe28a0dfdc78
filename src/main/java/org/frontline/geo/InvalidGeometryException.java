package org.frontline.geo;

/** A geometry that is malformed or unusable; the message says why. */
public class InvalidGeometryException extends RuntimeException {
    public InvalidGeometryException(String message) {
        super(message);
    }
}
