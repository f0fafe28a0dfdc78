package org.frontline.briefings.internal;

import java.time.Instant;

/** One publication of a briefing: the record time it pins, who published it and why. */
public record Edition(int edition, Instant recordTime, String publishedBy, String note) {}
