/**
 * Spatial analysis over the layers: buffers, proximity, front lines derived from control areas, ground
 * gained and lost, encirclement and statistics. Other modules use {@link org.frontline.analysis.ChangeAnalysis}
 * and {@link org.frontline.analysis.ResultFeature}; controllers and services are in {@code internal}.
 */
@ApplicationModule(displayName = "Analysis")
package org.frontline.analysis;

import org.springframework.modulith.ApplicationModule;
