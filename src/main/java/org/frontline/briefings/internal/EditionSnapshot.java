package org.frontline.briefings.internal;

import java.util.List;

/**
 * What an edition showed when it was published: the briefing's title, summary and frames, copied at publishing so
 * that later edits of the live frames reach readers only through the next edition.
 */
record EditionSnapshot(String title, String summary, List<Frame> frames) {}
