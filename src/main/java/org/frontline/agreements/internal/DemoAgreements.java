package org.frontline.agreements.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import org.frontline.layers.DemoLoaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Records the demo's agreements (Sochi 2018, Moscow 2020) once its zones are in the store. */
@Component
class DemoAgreements {
    private static final Logger log = LoggerFactory.getLogger(DemoAgreements.class);
    private static final String FILE = "geodata/demo/agreements.json";
    private final StoredAgreements agreements;
    private final JsonMapper json;

    DemoAgreements(StoredAgreements agreements, JsonMapper json) {
        this.agreements = agreements;
        this.json = json;
    }

    @EventListener
    @Order(2)
    public void demoLoaded(DemoLoaded loaded) {
        ClassPathResource file = new ClassPathResource(FILE);
        if (!file.exists()) {
            return;
        }
        try (InputStream in = file.getInputStream()) {
            int added = 0;
            for (JsonNode a : json.readTree(in)) {
                String id = a.path("id").asString();
                if (agreements.find(id, null).isEmpty()) {
                    // like every demo fact: learned the day after it was signed
                    String signed = a.path("signedOn").asString();
                    agreements.create(
                            a.toString(),
                            "demo",
                            StoredAgreements.day(LocalDate.parse(signed).plusDays(1)));
                    added++;
                }
            }
            log.info("Demo agreements: {} recorded", added);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + FILE, e);
        }
    }
}
