package org.frontline.briefings.internal;

import java.time.Instant;

/** A read-only link to a published briefing for people without an account; revoked links stop working. */
public record ShareLink(String token, long briefingId, String createdBy, Instant createdAt, Instant revokedAt) {}
