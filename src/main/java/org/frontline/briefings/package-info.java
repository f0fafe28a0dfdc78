/**
 * Briefings: ordered frames (date, view, layers, narrative) published as editions, played in the browser,
 * exported as offline HTML and PDF. Nothing outside uses it; everything is in {@code internal}. The demo briefing
 * is built when {@link org.frontline.layers.DemoLoaded} is published.
 */
@ApplicationModule(displayName = "Briefings")
package org.frontline.briefings;

import org.springframework.modulith.ApplicationModule;
