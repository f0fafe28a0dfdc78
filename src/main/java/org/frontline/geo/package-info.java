/**
 * Shared geometry utilities: GeoJSON geometry reading and writing, geodesic measures and projections.
 * A shared module: every type is public API, and it depends on no other module (checked by ModularityTests).
 */
@ApplicationModule(displayName = "Geo (shared)")
package org.frontline.geo;

import org.springframework.modulith.ApplicationModule;
