package org.frontline.analysis.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.frontline.analysis.ResultFeature;
import org.frontline.geo.GeodesicMeasure;
import org.frontline.layers.DemoLoaded;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.layers.NewFeature;
import org.frontline.layers.Provenance;
import org.frontline.layers.StoredFeature;
import org.frontline.settings.FrontlineSettings;
import org.frontline.web.BadInputException;
import org.frontline.web.NotFoundException;
import org.frontline.web.TimeParam;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Front lines derived from an area layer's control areas, at one date or as a line layer versioned like
 * the areas: one feature per pair of parties, one version per period in which the areas do not change.
 */
@Service
public class FrontLineService {
    private static final Logger log = LoggerFactory.getLogger(FrontLineService.class);
    static final String LINE_STYLE = "{\"color\":\"#d7301f\",\"weight\":3,\"dashArray\":\"6 4\"}";
    static final String USER = "analysis";
    /** The width of the feature store's feature id. */
    static final int MAX_FEATURE_ID = 100;

    private final LayerService layers;
    private final AreaLayerReader reader;
    private final double defaultToleranceKm;
    private final String demoAreas;
    private final String demoTarget;

    FrontLineService(LayerService layers, AreaLayerReader reader, FrontlineSettings settings) {
        this.layers = layers;
        this.reader = reader;
        this.defaultToleranceKm = settings.analysis().frontToleranceKm();
        this.demoAreas = settings.analysis().demoControlLayer();
        this.demoTarget = settings.analysis().demoFrontlineLayer();
    }

    /** What a derivation did. */
    public record Derivation(
            String layer, String fromLayer, double toleranceKm, int periods, int added, int corrected, int unchanged) {}

    public double defaultToleranceKm() {
        return defaultToleranceKm;
    }

    /** The fronts between every two parties of the area layer at {@code at}. */
    public List<ResultFeature> frontsAt(String areaLayerId, Instant at, double toleranceKm) {
        Map<String, Geometry> parties = reader.partiesAt(areaLayerId, at);
        List<String> names = new ArrayList<>(parties.keySet());
        List<ResultFeature> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                Geometry line =
                        FrontLineDeriver.derive(parties.get(names.get(i)), parties.get(names.get(j)), toleranceKm);
                if (line.isEmpty()) {
                    continue;
                }
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("partyA", names.get(i));
                p.put("partyB", names.get(j));
                p.put("lengthKm", BufferService.round(GeodesicMeasure.lengthKm(line), 3));
                p.put("toleranceKm", toleranceKm);
                p.put("derivedFrom", areaLayerId);
                p.put("derivedBy", "analysis/frontlines");
                out.add(new ResultFeature(featureId("front-" + areaLayerId, names.get(i), names.get(j)), line, p));
            }
        }
        return out;
    }

    /** Once the demo is loaded: derives its front lines from the control areas (before the demo briefing). */
    @EventListener
    @Order(1)
    public void demoLoaded(DemoLoaded loaded) {
        if (layers.layer(demoAreas).isPresent()) {
            Derivation d = deriveAll(demoAreas, demoTarget);
            log.info(
                    "Derived front lines from '{}' into '{}': {} periods, {} versions added",
                    demoAreas,
                    demoTarget,
                    d.periods(),
                    d.added());
        }
    }

    /** Derives every period's front lines of {@code areaLayerId} into {@code targetLayerId} (default tolerance). */
    public Derivation deriveAll(String areaLayerId, String targetLayerId) {
        return deriveAll(areaLayerId, targetLayerId, defaultToleranceKm);
    }

    /**
     * Idempotent: a version that is already stored with the same period and geometry is left alone, one that
     * differs is corrected, a missing one is added. Each version is valid while the areas it comes from are.
     * One transaction: a failure half-way (a new target layer included) leaves nothing behind.
     */
    @Transactional
    public synchronized Derivation deriveAll(String areaLayerId, String targetLayerId, double toleranceKm) {
        AnalysisParams.targetLayerId(targetLayerId, "target");
        Layer areas = AnalysisParams.areaLayer(layers, areaLayerId, "layer");
        Layer target = layers.layer(targetLayerId)
                .orElseGet(() -> layers.ensureLayer(
                        targetLayerId, "Front lines (derived from " + areas.title() + ")", LayerKind.LINE, LINE_STYLE));
        if (target.kind() != LayerKind.LINE) {
            throw new BadInputException("target: layer '" + targetLayerId + "' holds "
                    + target.kind().code() + " features, front lines need a line layer");
        }
        List<Instant> dates = reader.changeDates(areaLayerId);
        boolean openEnded = reader.openEnded(areaLayerId);
        int periods = 0;
        int added = 0;
        int corrected = 0;
        int unchanged = 0;
        for (int k = 0; k < dates.size(); k++) {
            Instant from = dates.get(k);
            Instant to = k + 1 < dates.size() ? dates.get(k + 1) : null;
            if (to == null && !openEnded) {
                break; // the last date is where every area ends
            }
            periods++;
            for (ResultFeature front : frontsAt(areaLayerId, from, toleranceKm)) {
                switch (store(targetLayerId, front, from, to, areas)) {
                    case ADDED -> added++;
                    case CORRECTED -> corrected++;
                    case UNCHANGED -> unchanged++;
                }
            }
        }
        return new Derivation(targetLayerId, areaLayerId, toleranceKm, periods, added, corrected, unchanged);
    }

    private enum Outcome {
        ADDED,
        CORRECTED,
        UNCHANGED
    }

    private Outcome store(String targetLayerId, ResultFeature front, Instant from, Instant to, Layer areas) {
        String id = featureId(targetLayerId, (String) front.properties().get("partyA"), (String)
                front.properties().get("partyB"));
        if (id.length() > MAX_FEATURE_ID) {
            throw new BadInputException("target: the front line's feature id '" + id + "' would be longer than "
                    + MAX_FEATURE_ID + " characters; choose a shorter target layer id");
        }
        NewFeature version = new NewFeature(
                id,
                front.geometry(),
                front.properties(),
                from,
                to,
                new Provenance(
                        "Frontline analysis (derived from layer " + areas.id() + ")",
                        null,
                        LocalDate.now(ZoneOffset.UTC),
                        "medium",
                        "near",
                        "day"));
        List<StoredFeature> current = currentVersions(id);
        for (StoredFeature v : current) {
            if (v.validFrom().equals(from)
                    && Objects.equals(v.validTo(), to)
                    && v.geometry().equalsExact(front.geometry(), 1e-9)) {
                return Outcome.UNCHANGED;
            }
        }
        boolean overlaps = current.stream()
                .anyMatch(v -> (to == null || to.isAfter(v.validFrom()))
                        && (v.validTo() == null || v.validTo().isAfter(from)));
        String reason = "front line derived from " + areas.id() + " at " + TimeParam.format(from);
        if (overlaps) {
            layers.correct(id, version, USER, reason);
            return Outcome.CORRECTED;
        }
        layers.add(targetLayerId, List.of(version), USER, reason);
        return Outcome.ADDED;
    }

    private List<StoredFeature> currentVersions(String featureId) {
        try {
            return layers.history(featureId).stream()
                    .filter(v -> v.supersededAt() == null)
                    .toList();
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    /** Stable id of the front between two parties, within a layer (so one id keeps its versions over time). */
    static String featureId(String layerId, String a, String b) {
        return (layerId + "-" + a + "-" + b + "-" + a + "-" + b).replaceAll("[^A-Za-z0-9._:-]", "_");
    }
}
