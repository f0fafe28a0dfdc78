package org.frontline.web;

/** Too much heavy work is running already: 503 with Retry-After, the client tries again later. */
public class ServerBusyException extends RuntimeException {
    private final int retryAfterSeconds;

    public ServerBusyException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
