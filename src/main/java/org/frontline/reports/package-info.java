/**
 * News reports: parsing (dates, places, actors, figures) into candidate events, the review queue, and
 * accepted events written to an event layer. Nothing outside uses it; everything is in {@code internal}.
 */
@ApplicationModule(displayName = "Reports")
package org.frontline.reports;

import org.springframework.modulith.ApplicationModule;
