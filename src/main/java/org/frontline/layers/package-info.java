/**
 * The temporal feature store. Other modules use the façade {@link org.frontline.layers.LayerService} and its
 * records ({@link org.frontline.layers.Layer}, {@link org.frontline.layers.StoredFeature},
 * {@link org.frontline.layers.NewFeature}, {@link org.frontline.layers.FeatureQuery}, ...), the GeoJSON reader and
 * writer, and the {@link org.frontline.layers.DemoLoaded} event. Tables, SQL and controllers are in {@code internal}.
 */
@ApplicationModule(displayName = "Layers")
package org.frontline.layers;

import org.springframework.modulith.ApplicationModule;
