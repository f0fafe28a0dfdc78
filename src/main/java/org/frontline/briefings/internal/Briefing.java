package org.frontline.briefings.internal;

import java.time.Instant;
import java.util.List;

/**
 * A briefing: an ordered list of dated map views with a narrative. {@code recordTime} is the record time the
 * current edition pins (null for a draft never published); playback reads the store "as of" it.
 */
public record Briefing(
        long id,
        String slug,
        String title,
        String summary,
        String author,
        String status,
        int edition,
        Instant recordTime,
        Instant createdAt,
        Instant updatedAt,
        List<Frame> frames) {

    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";

    public boolean published() {
        return PUBLISHED.equals(status);
    }

    /** This briefing read as edition {@code e}: that edition's pinned record time (texts: see withSnapshot). */
    Briefing atEdition(Edition e) {
        return new Briefing(
                id, slug, title, summary, author, PUBLISHED, e.edition(), e.recordTime(), createdAt, updatedAt, frames);
    }

    /** The title, summary and frames as they were published (instead of the live ones the editor changes). */
    Briefing withSnapshot(EditionSnapshot s) {
        return new Briefing(
                id,
                slug,
                s.title(),
                s.summary(),
                author,
                status,
                edition,
                recordTime,
                createdAt,
                updatedAt,
                s.frames());
    }

    /** The editor's working copy played as a draft: live frames on the current knowledge (no asOf). */
    Briefing asDraft() {
        return new Briefing(id, slug, title, summary, author, DRAFT, edition, null, createdAt, updatedAt, frames);
    }

    Briefing withFrames(List<Frame> f) {
        return new Briefing(id, slug, title, summary, author, status, edition, recordTime, createdAt, updatedAt, f);
    }
}
