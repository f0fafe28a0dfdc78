package org.frontline.scaleout.internal;

/**
 * The WAL position (LSN) of the current session's last write, for the request being served: set by
 * {@link ReadYourWritesFilter} from the session, read by {@link ReadYourWritesDataSource}.
 */
final class LastWrite {
    static final String SESSION_KEY = "frontline.lastWriteLsn";
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private LastWrite() {}

    static String required() {
        return CURRENT.get();
    }

    static void set(String lsn) {
        if (lsn == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(lsn);
        }
    }
}
