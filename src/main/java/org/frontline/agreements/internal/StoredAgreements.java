package org.frontline.agreements.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.frontline.agreements.Agreement;
import org.frontline.agreements.AgreementService;
import org.frontline.agreements.Breach;
import org.frontline.agreements.BreachCount;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.layers.NewFeature;
import org.frontline.layers.Provenance;
import org.frontline.layers.StoredFeature;
import org.frontline.layers.TimeBucket;
import org.frontline.web.BadInputException;
import org.frontline.web.ConflictException;
import org.frontline.web.NotFoundException;
import org.frontline.web.TimeParam;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Agreements kept as versioned features of the {@code agreements} layer (a point inside the agreement's first
 * zone, hidden on the map by default): corrections, history and {@code asOf} come from the feature store.
 */
@Service
class StoredAgreements implements AgreementService {
    static final String LAYER = "agreements";
    private static final String PREFIX = "agr:";
    private static final String STYLE = "{\"color\":\"#37474f\",\"radius\":6,\"fillOpacity\":0.8,\"visible\":false}";

    private final LayerService layers;
    private final JsonMapper json;
    private final ClauseAreas areas;
    private final BreachFinder breaches;

    StoredAgreements(LayerService layers, JsonMapper json, ClauseAreas areas, BreachFinder breaches) {
        this.layers = layers;
        this.json = json;
        this.areas = areas;
        this.breaches = breaches;
    }

    @Override
    public List<Agreement> list(Instant asOf) {
        if (layers.layer(LAYER).isEmpty()) {
            return List.of();
        }
        Map<String, StoredFeature> latest = new LinkedHashMap<>();
        layers.list(new FeatureQuery(LAYER, TimeParam.EARLIEST, TimeParam.LATEST, false, null, asOf))
                .forEach(v ->
                        latest.merge(v.featureId(), v, (a, b) -> b.validFrom().isAfter(a.validFrom()) ? b : a));
        return latest.values().stream()
                .map(this::toAgreement)
                .sorted(Comparator.comparing(Agreement::effectiveFrom).thenComparing(Agreement::id))
                .toList();
    }

    @Override
    public Optional<Agreement> find(String id, Instant asOf) {
        return list(asOf).stream().filter(a -> a.id().equals(id)).findFirst();
    }

    @Override
    public Agreement create(String bodyJson, String user) {
        return create(bodyJson, user, null);
    }

    /** Stores an agreement learned at {@code recordedAt} (null: now), e.g. the demo's, recorded when signed. */
    Agreement create(String bodyJson, String user, Instant recordedAt) {
        Agreement a = AgreementJson.read(parse(bodyJson), null, user);
        if (a.id().length() > 96) {
            throw new BadInputException("id must be at most 96 characters");
        }
        Geometry marker = areas.check(a);
        if (find(a.id(), null).isPresent()) {
            throw new ConflictException(
                    "agreement '" + a.id() + "' exists: PUT /api/agreements/" + a.id() + " to correct it");
        }
        layers.ensureLayer(LAYER, "Agreements", LayerKind.POINT, STYLE);
        if (recordedAt == null) {
            layers.add(LAYER, List.of(feature(a, marker)), user, "agreement recorded");
        } else {
            layers.addRecorded(LAYER, List.of(feature(a, marker)), user, "agreement recorded", recordedAt);
        }
        return find(a.id(), null).orElseThrow();
    }

    @Override
    public Agreement correct(String id, String bodyJson, String user, String reason) {
        find(id, null).orElseThrow(() -> unknown(id));
        JsonNode body = parse(bodyJson);
        JsonNode bodyId = body.isObject() ? body.get("id") : null;
        if (bodyId != null && !bodyId.isNull() && !id.equals(bodyId.asString())) {
            throw new BadInputException("the body's id " + bodyId + " is not the agreement '" + id + "'");
        }
        if (body.isObject()) {
            ((ObjectNode) body).put("id", id);
        }
        Agreement a = AgreementJson.read(body, null, user);
        Geometry marker = areas.check(a);
        layers.correct(PREFIX + id, feature(a, marker), user, reason);
        return find(id, null).orElseThrow();
    }

    @Override
    public List<Agreement> history(String id) {
        if (layers.layer(LAYER).isEmpty()) {
            throw unknown(id);
        }
        List<StoredFeature> versions;
        try {
            versions = layers.history(PREFIX + id);
        } catch (NotFoundException e) {
            throw unknown(id);
        }
        return versions.stream().map(this::toAgreement).toList();
    }

    @Override
    public void breaches(Agreement a, LocalDate from, LocalDate to, Instant asOf, Consumer<Breach> sink) {
        breaches.find(a, from, to, asOf, sink);
    }

    @Override
    public List<BreachCount> breachCounts(Agreement a, LocalDate from, LocalDate to, Instant asOf, TimeBucket by) {
        return breaches.count(a, from, to, asOf, by);
    }

    private NewFeature feature(Agreement a, Geometry marker) {
        Agreement.Source first = a.sources().get(0);
        Provenance p = new Provenance(first.publisher(), first.url(), first.date(), a.confidence(), "admin", "day");
        return new NewFeature(
                PREFIX + a.id(),
                marker,
                AgreementJson.properties(a),
                day(a.effectiveFrom()),
                a.endsOn() == null ? null : day(a.endsOn()),
                p);
    }

    private Agreement toAgreement(StoredFeature f) {
        Map<String, Object> props = new LinkedHashMap<>(f.properties());
        props.put("id", f.featureId().substring(PREFIX.length()));
        return AgreementJson.read(json.valueToTree(props), f.recordedAt(), f.recordedBy());
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new BadInputException("the request body is empty: send the agreement as JSON");
        }
        try {
            return json.readTree(body);
        } catch (RuntimeException e) {
            throw new BadInputException("the request body is not JSON");
        }
    }

    static Instant day(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static NotFoundException unknown(String id) {
        return new NotFoundException("no agreement '" + id + "'");
    }
}
