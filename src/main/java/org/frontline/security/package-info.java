/**
 * Users, roles (viewer, analyst, admin) and the HTTP security rules. Everything is in {@code internal}.
 */
@ApplicationModule(displayName = "Security")
package org.frontline.security;

import org.springframework.modulith.ApplicationModule;
