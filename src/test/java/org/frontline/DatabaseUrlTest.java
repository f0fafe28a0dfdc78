package org.frontline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** DATABASE_URL in its usual form points the app at PostGIS. */
class DatabaseUrlTest {

    private static StandardEnvironment environmentWith(String url) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", Map.of("DATABASE_URL", url)));
        new DatabaseUrl().postProcessEnvironment(env, new SpringApplication());
        return env;
    }

    @Test
    void aPostgresqlUrlBecomesTheDatasourceSettings() {
        StandardEnvironment env =
                environmentWith("postgresql://analyst:s%40cret@db.example:6543/frontline?sslmode=require");
        assertThat(env.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://db.example:6543/frontline?sslmode=require");
        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("analyst");
        assertThat(env.getProperty("spring.datasource.password")).isEqualTo("s@cret");
        assertThat(env.getProperty("frontline.security.anonymous-read")).isEqualTo("false");
    }

    @Test
    void theDefaultPortIs5432AndOtherSchemesAreRefused() {
        assertThat(environmentWith("postgres://u:p@localhost/db").getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://localhost:5432/db");
        assertThatThrownBy(() -> environmentWith("mysql://u:p@localhost/db")).hasMessageContaining("postgresql://");
    }
}
