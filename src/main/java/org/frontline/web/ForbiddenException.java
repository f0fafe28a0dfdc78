package org.frontline.web;

/** The caller is signed in but may not do this to this object (e.g. change another analyst's briefing): 403. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
