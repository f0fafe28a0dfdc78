package org.frontline.gazetteer.internal;

import java.nio.file.Path;
import org.frontline.gazetteer.Gazetteer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class GazetteerConfig {

    /** Extra GeoNames dumps (e.g. a full SY.txt) live here; uploads via POST /api/admin/gazetteer land here. */
    @Bean
    Gazetteer gazetteer(@Value("${frontline.gazetteer.dir:./data/gazetteer}") String dir) {
        return new Gazetteer(dir.isBlank() ? null : Path.of(dir));
    }
}
