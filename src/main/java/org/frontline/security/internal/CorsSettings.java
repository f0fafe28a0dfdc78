package org.frontline.security.internal;

import java.util.List;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Cross-origin access for other web tools, off unless {@code frontline.cors.allowed-origins} lists origins
 * (e.g. {@code https://maps.example.org}). Covers the API and the OGC service; preflight requests are
 * answered before authentication. Credentials travel as an explicit Authorization header, never cookies.
 */
final class CorsSettings {
    private CorsSettings() {}

    static CorsConfigurationSource source(List<String> origins) {
        CorsConfiguration c = new CorsConfiguration();
        c.setAllowedOrigins(origins);
        c.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"));
        c.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "X-XSRF-TOKEN"));
        c.setExposedHeaders(List.of("Location", "Content-Disposition"));
        c.setAllowCredentials(false);
        c.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", c);
        source.registerCorsConfiguration("/ogc/**", c);
        source.registerCorsConfiguration("/ogc", c);
        return source;
    }
}
