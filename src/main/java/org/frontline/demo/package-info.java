/**
 * Loads the Idlib 2018–2020 demo scenario into an empty store at start-up and then publishes
 * {@link org.frontline.layers.DemoLoaded}. No module depends on this one (checked by ModularityTests).
 */
@ApplicationModule(displayName = "Demo")
package org.frontline.demo;

import org.springframework.modulith.ApplicationModule;
