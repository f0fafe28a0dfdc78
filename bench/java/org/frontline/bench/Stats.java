package org.frontline.bench;

import java.util.Arrays;

/** Medians and percentiles of repeated timings (milliseconds). */
final class Stats {
    private final double[] sorted;

    Stats(double[] samples) {
        this.sorted = samples.clone();
        Arrays.sort(sorted);
    }

    double percentile(double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    double median() {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    @Override
    public String toString() {
        return String.format(
                "median %.2f ms, p95 %.2f ms, min %.2f ms, max %.2f ms (n=%d)",
                median(), percentile(95), sorted[0], sorted[sorted.length - 1], sorted.length);
    }
}
