package org.frontline.briefings.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** JSON shapes of the briefings API. */
final class BriefingViews {
    private BriefingViews() {}

    record Summary(
            String slug,
            String title,
            String summary,
            String author,
            String status,
            int edition,
            Instant recordTime,
            Instant updatedAt) {
        static Summary of(Briefing b) {
            return new Summary(
                    b.slug(),
                    b.title(),
                    b.summary(),
                    b.author(),
                    b.status(),
                    b.edition(),
                    b.recordTime(),
                    b.updatedAt());
        }
    }

    record FrameView(
            long id,
            int n,
            String title,
            LocalDate day,
            LocalDate windowFrom,
            List<Double> center,
            int zoom,
            List<Double> bbox,
            List<String> layers,
            String narrative,
            String narrativeHtml,
            List<String> highlights,
            String overlay,
            String agreement) {
        static FrameView of(Frame f, int n, Narratives md) {
            return new FrameView(
                    f.id(),
                    n,
                    f.title(),
                    f.day(),
                    f.windowFrom(),
                    List.of(f.centerLat(), f.centerLon()),
                    f.zoom(),
                    f.bbox(),
                    f.layers(),
                    f.narrative(),
                    md.html(f.narrative()),
                    f.highlights(),
                    f.overlay(),
                    f.agreement());
        }
    }

    record Full(
            String slug,
            String title,
            String summary,
            String author,
            String status,
            int edition,
            Instant recordTime,
            Instant createdAt,
            Instant updatedAt,
            List<FrameView> frames,
            List<Edition> editions) {
        static Full of(Briefing b, List<Edition> editions, Narratives md) {
            List<FrameView> frames = new java.util.ArrayList<>();
            for (int i = 0; i < b.frames().size(); i++) {
                frames.add(FrameView.of(b.frames().get(i), i + 1, md));
            }
            return new Full(
                    b.slug(),
                    b.title(),
                    b.summary(),
                    b.author(),
                    b.status(),
                    b.edition(),
                    b.recordTime(),
                    b.createdAt(),
                    b.updatedAt(),
                    frames,
                    editions);
        }
    }

    record ShareView(String token, String url, String createdBy, Instant createdAt, Instant revokedAt) {
        static ShareView of(ShareLink s) {
            return new ShareView(s.token(), "/s/" + s.token(), s.createdBy(), s.createdAt(), s.revokedAt());
        }
    }
}
