package org.frontline.briefings.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * PDF handouts of published editions, kept once made: an edition's frames and data are pinned, so its PDF never
 * changes and a second download costs nothing. Drafts (live data) are rendered each time. Bounded by total bytes,
 * least recently used first out.
 */
@Component
class PdfCache {
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Map<String, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    byte[] get(Briefing b, Supplier<byte[]> render) {
        if (!b.published() || b.recordTime() == null) {
            return render.get();
        }
        String key = b.id() + "/" + b.edition() + "/" + b.recordTime() + "/" + b.slug();
        synchronized (this) {
            byte[] hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        byte[] pdf = render.get(); // outside the lock: two first requests may both render, both get the same PDF
        synchronized (this) {
            if (cache.put(key, pdf) == null) {
                bytes += pdf.length;
            }
            var it = cache.entrySet().iterator();
            while (bytes > MAX_BYTES && it.hasNext()) {
                bytes -= it.next().getValue().length;
                it.remove();
            }
        }
        return pdf;
    }
}
