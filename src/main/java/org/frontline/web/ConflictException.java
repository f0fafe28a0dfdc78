package org.frontline.web;

/** A request that contradicts the stored state (e.g. editing a retracted feature); HTTP 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
