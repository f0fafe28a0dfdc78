package org.frontline.briefings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Issue 15.2: a published edition's PDF is rendered once; drafts (live data) every time. */
class PdfCacheTest {

    private static Briefing briefing(String status, int edition, Instant recordTime) {
        return new Briefing(
                7, "idlib", "Idlib", "", "ana", status, edition, recordTime, Instant.EPOCH, Instant.EPOCH, List.of());
    }

    @Test
    void anEditionIsRenderedOnceAndANewEditionAgain() {
        PdfCache cache = new PdfCache();
        AtomicInteger renders = new AtomicInteger();
        Briefing e1 = briefing(Briefing.PUBLISHED, 1, Instant.parse("2026-11-01T10:00:00Z"));
        byte[] first = cache.get(e1, () -> new byte[] {(byte) renders.incrementAndGet()});
        byte[] second = cache.get(e1, () -> new byte[] {(byte) renders.incrementAndGet()});
        assertThat(second).isEqualTo(first);
        assertThat(renders).hasValue(1);
        Briefing e2 = briefing(Briefing.PUBLISHED, 2, Instant.parse("2026-11-02T10:00:00Z"));
        cache.get(e2, () -> new byte[] {(byte) renders.incrementAndGet()});
        assertThat(renders).hasValue(2);
    }

    @Test
    void draftsAreNotCached() {
        PdfCache cache = new PdfCache();
        AtomicInteger renders = new AtomicInteger();
        Briefing draft = briefing(Briefing.DRAFT, 0, null);
        cache.get(draft, () -> new byte[1]);
        cache.get(draft, () -> new byte[renders.incrementAndGet()]);
        assertThat(renders).hasValue(1);
    }

    @Test
    void theCacheStaysWithinItsByteBudget() {
        PdfCache cache = new PdfCache();
        int size = (int) (PdfCache.MAX_BYTES / 4);
        AtomicInteger renders = new AtomicInteger();
        for (int edition = 1; edition <= 6; edition++) {
            cache.get(briefing(Briefing.PUBLISHED, edition, Instant.ofEpochSecond(edition)), () -> {
                renders.incrementAndGet();
                return new byte[size];
            });
        }
        // editions 1 and 2 were evicted: asking again renders them again; 6 is still there
        cache.get(briefing(Briefing.PUBLISHED, 6, Instant.ofEpochSecond(6)), () -> new byte[renders.incrementAndGet()]);
        assertThat(renders).hasValue(6);
        cache.get(briefing(Briefing.PUBLISHED, 1, Instant.ofEpochSecond(1)), () -> new byte[renders.incrementAndGet()]);
        assertThat(renders).hasValue(7);
    }
}
