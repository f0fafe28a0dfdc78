package org.frontline.reports.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Text spans (places, dates, figures, actors) sorted once by start, so "which lie in this sentence" and
 * "does any overlap this stretch" cost a binary search instead of a scan of the whole list: a long report
 * has thousands of each, and scanning per sentence or per mention made parsing quadratic.
 */
final class Spans<T> {

    private final List<T> items;
    private final int[] starts;
    private final int[] ends;
    /** maxEnd[i] = the largest end among items[0..i]. */
    private final int[] maxEnd;

    Spans(List<T> list, ToIntFunction<T> start, ToIntFunction<T> end) {
        items = new ArrayList<>(list);
        items.sort(Comparator.comparingInt(start)); // stable: equal starts keep their order
        starts = new int[items.size()];
        ends = new int[items.size()];
        maxEnd = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            starts[i] = start.applyAsInt(items.get(i));
            ends[i] = end.applyAsInt(items.get(i));
            maxEnd[i] = i == 0 ? ends[i] : Math.max(maxEnd[i - 1], ends[i]);
        }
    }

    /** The spans lying wholly inside [from, to), in order of start. */
    List<T> within(int from, int to) {
        List<T> out = new ArrayList<>();
        for (int i = firstAtOrAfter(from); i < starts.length && starts[i] < to; i++) {
            if (ends[i] <= to) out.add(items.get(i));
        }
        return out;
    }

    /** Whether any span overlaps [from, to). */
    boolean overlaps(int from, int to) {
        int before = firstAtOrAfter(to) - 1; // the last span starting before 'to'
        return before >= 0 && maxEnd[before] > from;
    }

    private int firstAtOrAfter(int pos) {
        int lo = 0;
        int hi = starts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < pos) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
