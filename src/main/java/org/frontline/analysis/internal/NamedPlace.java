package org.frontline.analysis.internal;

/** A named place at a lon/lat position (population 0 when unknown, e.g. for observation posts). */
public record NamedPlace(String name, double lon, double lat, long population) {}
