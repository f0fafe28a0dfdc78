/**
 * Style: how things are shown to a reader, the same in the browser and on paper. {@link LayerStyle} reads a
 * layer's style JSON (the Java twin of frontend/js/style.js, both held to src/test/resources/style/cases.json);
 * {@link DateWords} writes dates as people read them. No dependencies on other modules.
 */
@ApplicationModule(displayName = "Style")
package org.frontline.style;

import org.springframework.modulith.ApplicationModule;
