package org.frontline.testsupport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What every Jazzer fuzz target (the *FuzzTest classes, issue 15.6) checks besides "no unexpected exception": no
 * input takes more than 2 s. An input that finishes late fails with the time it took; one that never finishes is
 * caught by a watchdog that prints where it is stuck and stops the JVM after 10 s, so a bench run cannot hang. In
 * the normal build the targets run in regression mode (their seed inputs, in seconds); bench/fuzz.sh fuzzes each
 * for a million executions.
 */
public final class FuzzGuard {
    public static final long MAX_MILLIS = 2000;
    private static final long HALT_MILLIS = 10_000;
    private static final AtomicLong STARTED = new AtomicLong();
    private static volatile Thread worker;

    static {
        Thread dog = new Thread(FuzzGuard::watch, "fuzz-watchdog");
        dog.setDaemon(true);
        dog.start();
    }

    private FuzzGuard() {}

    /** Runs one input; throws AssertionError if it took longer than {@link #MAX_MILLIS}. */
    public static void timed(Runnable input) {
        worker = Thread.currentThread();
        long t0 = System.nanoTime();
        STARTED.set(t0);
        try {
            input.run();
        } finally {
            STARTED.set(0);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (ms > MAX_MILLIS) {
            throw new AssertionError("one input took " + ms + " ms (limit " + MAX_MILLIS + " ms)");
        }
    }

    private static void watch() {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            long t0 = STARTED.get();
            if (t0 != 0 && (System.nanoTime() - t0) / 1_000_000 > HALT_MILLIS) {
                System.err.println("FUZZ HANG: one input has run for over " + HALT_MILLIS + " ms at:");
                Thread w = worker;
                if (w != null) {
                    for (StackTraceElement e : w.getStackTrace()) {
                        System.err.println("\tat " + e);
                    }
                }
                Runtime.getRuntime().halt(70);
            }
        }
    }
}
