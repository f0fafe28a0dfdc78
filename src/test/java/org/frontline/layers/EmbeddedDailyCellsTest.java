package org.frontline.layers;

/** The daily cell table's contract on the embedded database. */
class EmbeddedDailyCellsTest extends DailyCellsContract {}
