/**
 * Layer downloads (GeoJSON and other formats) over the same time and area parameters as the map.
 */
@ApplicationModule(displayName = "Export")
package org.frontline.export;

import org.springframework.modulith.ApplicationModule;
