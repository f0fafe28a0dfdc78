/**
 * Shared web rules: the problem+json error answers and their exceptions, request time parameters and body
 * reading, the one CSV writer (RFC 4180, formulas defused), the map page and basemap. A shared module: every type is public API, and it depends on no module but
 * settings (checked by ModularityTests).
 */
@ApplicationModule(displayName = "Web (shared)")
package org.frontline.web;

import org.springframework.modulith.ApplicationModule;
