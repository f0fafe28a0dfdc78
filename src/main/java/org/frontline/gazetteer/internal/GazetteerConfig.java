package org.frontline.gazetteer.internal;

import java.nio.file.Path;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.settings.FrontlineSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class GazetteerConfig {

    /** Extra GeoNames dumps (e.g. a full SY.txt) live here; uploads via POST /api/admin/gazetteer land here. */
    @Bean
    Gazetteer gazetteer(FrontlineSettings settings) {
        String dir = settings.gazetteer().dir();
        return new Gazetteer(dir.isBlank() ? null : Path.of(dir));
    }
}
