/**
 * OGC API – Features Part 1 at {@code /ogc}: the layers as feature collections for GDAL, QGIS and other
 * clients (core, GeoJSON, OpenAPI 3.0 and HTML conformance classes). Valid time is the standard's
 * {@code datetime}; record time is the vendor parameter {@code asOf}. The implementation is in
 * {@code internal}; it reads the store only through the layers module's public types.
 */
package org.frontline.ogc;
