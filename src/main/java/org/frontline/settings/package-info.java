/**
 * Shared settings: {@link org.frontline.settings.FrontlineSettings}, every {@code frontline.*} key typed and
 * validated at start-up. A shared module: it depends on no other module (checked by ModularityTests).
 */
@ApplicationModule(displayName = "Settings (shared)")
package org.frontline.settings;

import org.springframework.modulith.ApplicationModule;
