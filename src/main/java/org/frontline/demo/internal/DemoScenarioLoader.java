package org.frontline.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.frontline.layers.DemoLoaded;
import org.frontline.layers.GeoJsonFeatures;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.layers.NewFeature;
import org.frontline.settings.FrontlineSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the Idlib 2018–2020 demo scenario (geodata/demo) into an empty store at start-up.
 * Each fact is recorded as learned the day after it became true, so "as we knew it then" (asOf)
 * queries have something to show on the demo data.
 */
@Component
@Order(10)
class DemoScenarioLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoScenarioLoader.class);
    static final String BASE = "geodata/demo/";
    static final String LOADER = "demo-loader";

    private final LayerService layers;
    private final GeoJsonFeatures geojson;
    private final JsonMapper json;
    private final boolean enabled;
    private final ApplicationEventPublisher events;

    DemoScenarioLoader(
            LayerService layers,
            GeoJsonFeatures geojson,
            JsonMapper json,
            FrontlineSettings settings,
            ApplicationEventPublisher events) {
        this.layers = layers;
        this.geojson = geojson;
        this.json = json;
        this.enabled = settings.demo().load();
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!enabled || !layers.layers().isEmpty()) {
            return;
        }
        if (!new ClassPathResource(BASE + "layers.json").exists()) {
            log.warn("No demo scenario on the class path ({}layers.json): starting with an empty store", BASE);
            return;
        }
        long t0 = System.nanoTime();
        int count = 0;
        for (JsonNode def : read("layers.json")) {
            String id = def.get("id").stringValue();
            LayerKind kind = LayerKind.fromCode(def.get("kind").stringValue());
            layers.ensureLayer(id, def.get("title").stringValue(), kind, json.writeValueAsString(def.get("style")));
            List<NewFeature> features = geojson.parse(read(def.get("file").stringValue()), kind, LOADER);
            count += features.size();
            Map<Instant, List<NewFeature>> byStart = new TreeMap<>();
            for (NewFeature f : features) {
                byStart.computeIfAbsent(f.validFrom(), k -> new ArrayList<>()).add(f);
            }
            byStart.forEach((start, group) -> layers.addRecorded(
                    id, group, LOADER, "demo scenario (illustrative reconstruction)", recordTime(start)));
        }
        log.info("Loaded the demo scenario: {} features in {} ms", count, (System.nanoTime() - t0) / 1_000_000);
        events.publishEvent(new DemoLoaded(count));
    }

    private static Instant recordTime(Instant validFrom) {
        Instant learned = validFrom.plus(1, ChronoUnit.DAYS);
        Instant now = Instant.now();
        return learned.isAfter(now) ? now : learned;
    }

    private JsonNode read(String name) throws IOException {
        try (InputStream in = new ClassPathResource(BASE + name).getInputStream()) {
            return json.readTree(in);
        }
    }
}
