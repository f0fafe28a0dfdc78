package org.frontline.web;

/** Input a user sent that cannot be used; answered with HTTP 400 and this message. */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }
}
