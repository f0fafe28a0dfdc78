package org.frontline.ogc.internal;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A link of an OGC API answer (RFC 8288 relation, media type, title). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Link(String href, String rel, String type, String title) {}
