package org.frontline.web;

/** A request body over the configured limit; answered with HTTP 413. */
public class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(String message) {
        super(message);
    }
}
