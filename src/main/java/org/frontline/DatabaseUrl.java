package org.frontline;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Accepts the conventional {@code DATABASE_URL=postgresql://user:pass@host:port/db} and turns it into
 * {@code spring.datasource.*}, so one variable points the app at PostGIS (with anonymous reading off,
 * as in the postgis profile).
 */
public class DatabaseUrl implements EnvironmentPostProcessor {
    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
        String url = env.getProperty("DATABASE_URL");
        if (url == null || url.isBlank()) {
            return;
        }
        URI u = URI.create(url.strip().replaceFirst("^jdbc:", "").replaceFirst("^postgres:", "postgresql:"));
        if (!"postgresql".equals(u.getScheme())) {
            throw new IllegalArgumentException("DATABASE_URL must be postgresql://user:password@host:port/database");
        }
        Map<String, Object> props = new HashMap<>();
        props.put(
                "spring.datasource.url",
                "jdbc:postgresql://" + u.getHost() + ":" + (u.getPort() < 0 ? 5432 : u.getPort()) + u.getPath()
                        + (u.getQuery() == null ? "" : "?" + u.getQuery()));
        if (u.getRawUserInfo() != null) {
            String[] cred = u.getRawUserInfo().split(":", 2);
            props.put("spring.datasource.username", URLDecoder.decode(cred[0], StandardCharsets.UTF_8));
            if (cred.length > 1) {
                props.put("spring.datasource.password", URLDecoder.decode(cred[1], StandardCharsets.UTF_8));
            }
        }
        if (env.getProperty("FRONTLINE_SECURITY_ANONYMOUS_READ") == null) {
            props.put("frontline.security.anonymous-read", "false"); // as in the postgis profile
        }
        env.getPropertySources().addFirst(new MapPropertySource("DATABASE_URL", props));
    }
}
