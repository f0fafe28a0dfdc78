package org.frontline.layers.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.frontline.layers.BulkAdd;
import org.frontline.layers.CountQuery;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.layers.NewFeature;
import org.frontline.layers.StoredFeature;
import org.frontline.layers.internal.FeatureRepository.InsertVersion;
import org.frontline.web.BadInputException;
import org.frontline.web.ConflictException;
import org.frontline.web.NotFoundException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The temporal feature store. Edits never overwrite: a correction closes the record time of the versions
 * it replaces and adds new ones (keeping, trimmed, the parts of their valid time it does not cover).
 */
@Service
public class StoreService implements LayerService {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final LayerRepository layers;
    private final FeatureRepository features;
    private final CountRepository counts;
    private final AreaCountRepository areaCounts;
    private final JsonMapper json;
    private final Clock clock;

    StoreService(
            LayerRepository layers,
            FeatureRepository features,
            CountRepository counts,
            AreaCountRepository areaCounts,
            JsonMapper json) {
        this.layers = layers;
        this.features = features;
        this.counts = counts;
        this.areaCounts = areaCounts;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Layer> layers() {
        return layers.all().stream().map(this::withExtent).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Layer> layer(String id) {
        return layers.find(id).map(this::withExtent);
    }

    private Layer withExtent(Layer l) {
        Instant[] e = features.extent(l.id());
        Instant to = e[2] == null || (e[1] != null && e[1].isAfter(e[2])) ? e[1] : e[2];
        return new Layer(l.id(), l.title(), l.kind(), l.style(), l.sortOrder(), e[0], to);
    }

    @Override
    public Optional<Layer> definition(String id) {
        return layers.find(id);
    }

    @Override
    @Transactional
    public synchronized Layer ensureLayer(String id, String title, LayerKind kind, String styleJson) {
        Optional<Layer> existing = layers.find(id);
        if (existing.isPresent()) {
            if (existing.get().kind() != kind) {
                throw new ConflictException("layer '" + id + "' exists with kind "
                        + existing.get().kind().code());
            }
            return existing.get();
        }
        layers.insert(id, title, kind, styleJson == null ? "{}" : styleJson, layers.count());
        return layers.find(id).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public void stream(FeatureQuery query, Consumer<StoredFeature> sink) {
        features.stream(query, row -> sink.accept(toStored(row)));
    }

    @Override
    @Transactional(readOnly = true)
    public void streamWithin(FeatureQuery query, Geometry area, Consumer<StoredFeature> sink) {
        PreparedGeometry exact = features.exactInDatabase() ? null : PreparedGeometryFactory.prepare(area);
        features.stream(query.inside(area.getEnvelopeInternal()), new WKBWriter().write(area), row -> {
            StoredFeature f = toStored(row);
            if (exact == null || exact.intersects(f.geometry())) {
                sink.accept(f);
            }
        });
    }

    @Override
    @Transactional(readOnly = true)
    public List<CountQuery.Row> count(CountQuery query) {
        if (query.within() == null) {
            return counts.count(query);
        }
        if (!features.exactInDatabase()) {
            return JavaCounts.count(query, sink -> streamWithin(query.features(), query.within(), sink));
        }
        Geometry area = query.within();
        CountQuery narrowed = new CountQuery(
                query.features().inside(area.getEnvelopeInternal()),
                query.bucket(),
                area,
                query.groupBy(),
                query.matchProperties(),
                query.matchValues());
        return areaCounts.count(narrowed, new WKBWriter().write(area));
    }

    /** Rows as stored, for writers that pass WKB and JSON text on (the GeoJSON stream). */
    @Transactional(readOnly = true)
    public void streamRows(FeatureQuery query, Consumer<FeatureRow> sink) {
        features.stream(query, sink);
    }

    @Override
    @Transactional(readOnly = true)
    public List<StoredFeature> list(FeatureQuery query) {
        List<StoredFeature> out = new ArrayList<>();
        features.stream(query, row -> out.add(toStored(row)));
        out.sort(Comparator.comparing(StoredFeature::validFrom).thenComparing(StoredFeature::featureId));
        return out;
    }

    @Override
    @Transactional
    public List<String> add(String layerId, List<NewFeature> news, String user, String reason) {
        return addRecorded(layerId, news, user, reason, now());
    }

    @Override
    @Transactional
    public List<String> addRecorded(
            String layerId, List<NewFeature> news, String user, String reason, Instant recordedAt) {
        Layer layer = layers.find(layerId).orElseThrow(() -> LayerService.unknownLayer(layerId));
        checkReason(reason);
        layers.lock(layerId);
        List<String> ids = new ArrayList<>(news.size());
        List<InsertVersion> rows = new ArrayList<>(news.size());
        Map<String, List<NewFeature>> byId = new HashMap<>();
        for (int i = 0; i < news.size(); i++) {
            NewFeature f = news.get(i);
            String kindProblem = GeometryKinds.problem(layer.kind(), f.geometry());
            if (kindProblem != null) {
                throw new BadInputException("feature " + label(i, f) + ": " + kindProblem);
            }
            String id = f.id() == null ? UUID.randomUUID().toString() : f.id();
            if (f.id() != null) {
                checkNoOverlap(layerId, id, f, byId.computeIfAbsent(id, k -> new ArrayList<>()), i);
                byId.get(id).add(f);
            }
            ids.add(id);
            rows.add(version(id, layerId, f, recordedAt, user, reason));
        }
        features.insert(rows);
        return ids;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public BulkAdd bulkAdd(String layerId, String user, String reason, Instant recordedAt) {
        Layer layer = layers.find(layerId).orElseThrow(() -> LayerService.unknownLayer(layerId));
        checkReason(reason);
        layers.lock(layerId);
        return new StoreBulkAdd(features, layer, (id, f) -> version(id, layerId, f, recordedAt, user, reason));
    }

    private void checkNoOverlap(String layerId, String id, NewFeature f, List<NewFeature> sameBatch, int index) {
        String storedLayer = features.layerOf(id);
        if (storedLayer != null && !storedLayer.equals(layerId)) {
            throw new ConflictException(
                    "feature " + label(index, f) + ": the id belongs to layer '" + storedLayer + "'");
        }
        for (FeatureRow r : features.current(id, false)) {
            if (overlaps(f.validFrom(), f.validTo(), r.validFrom(), r.validTo())) {
                throw new ConflictException("feature " + label(index, f) + ": a stored version is already valid from "
                        + r.validFrom() + (r.validTo() == null ? "" : " to " + r.validTo())
                        + "; correct it with PUT /api/features/" + id);
            }
        }
        for (NewFeature other : sameBatch) {
            if (overlaps(f.validFrom(), f.validTo(), other.validFrom(), other.validTo())) {
                throw new BadInputException("feature " + label(index, f)
                        + ": two features with this id in the request are valid at the same time");
            }
        }
    }

    @Override
    @Transactional
    public StoredFeature correct(String featureId, NewFeature replacement, String user, String reason) {
        checkReason(reason);
        List<FeatureRow> current = lockCurrentVersions(featureId);
        String layerId = current.get(0).layerId();
        Layer layer = layers.find(layerId).orElseThrow();
        String kindProblem = GeometryKinds.problem(layer.kind(), replacement.geometry());
        if (kindProblem != null) {
            throw new BadInputException("feature '" + featureId + "': " + kindProblem);
        }
        Instant now = now();
        Instant from = replacement.validFrom();
        Instant to = replacement.validTo();
        List<InsertVersion> rows = new ArrayList<>();
        for (FeatureRow r : current) {
            if (!overlaps(from, to, r.validFrom(), r.validTo())) {
                continue;
            }
            features.supersede(r.versionId(), now, user, reason);
            // Keep the parts of the old version's valid time that the correction does not cover.
            if (r.validFrom().isBefore(from)) {
                rows.add(copy(r, r.validFrom(), from, now, user, reason));
            }
            if (to != null && (r.validTo() == null || r.validTo().isAfter(to))) {
                rows.add(copy(r, to, r.validTo(), now, user, reason));
            }
        }
        rows.add(version(featureId, layerId, replacement, now, user, reason));
        features.insert(rows);
        return features.current(featureId, false).stream()
                .filter(r -> r.validFrom().equals(from))
                .map(this::toStored)
                .findFirst()
                .orElseThrow();
    }

    @Override
    @Transactional
    public void retract(String featureId, String user, String reason) {
        checkReason(reason);
        List<FeatureRow> current = lockCurrentVersions(featureId);
        Instant now = now();
        for (FeatureRow r : current) {
            features.supersede(r.versionId(), now, user, reason);
        }
    }

    /** The feature's current versions, with its layer locked for writing; 404 / 409 when there are none. */
    private List<FeatureRow> lockCurrentVersions(String featureId) {
        String layerId = features.layerOf(featureId);
        if (layerId == null) {
            throw unknownFeature(featureId);
        }
        layers.lock(layerId);
        List<FeatureRow> current = features.current(featureId, true);
        if (current.isEmpty()) {
            throw new ConflictException("feature '" + featureId + "' has been retracted");
        }
        return current;
    }

    @Override
    @Transactional(readOnly = true)
    public List<StoredFeature> history(String featureId) {
        List<FeatureRow> rows = features.history(featureId);
        if (rows.isEmpty()) {
            throw unknownFeature(featureId);
        }
        return rows.stream().map(this::toStored).toList();
    }

    private InsertVersion version(
            String id, String layerId, NewFeature f, Instant recordedAt, String user, String reason) {
        byte[] wkb = new WKBWriter(2).write(f.geometry());
        String props = json.writeValueAsString(f.properties() == null ? Map.of() : f.properties());
        return new InsertVersion(
                id,
                layerId,
                wkb,
                f.geometry().getEnvelopeInternal(),
                props,
                f.validFrom(),
                f.validTo(),
                recordedAt,
                user,
                reason,
                f.provenance());
    }

    private InsertVersion copy(FeatureRow r, Instant from, Instant to, Instant now, String user, String reason) {
        return new InsertVersion(
                r.featureId(),
                r.layerId(),
                r.wkb(),
                toStored(r).geometry().getEnvelopeInternal(),
                r.propsJson(),
                from,
                to,
                now,
                user,
                "kept outside the valid time of a correction: " + (reason == null ? "" : reason),
                r.provenance());
    }

    StoredFeature toStored(FeatureRow r) {
        try {
            return new StoredFeature(
                    r.featureId(),
                    r.versionId(),
                    r.layerId(),
                    new WKBReader(GEOMETRY).read(r.wkb()),
                    json.readValue(r.propsJson(), MAP),
                    r.validFrom(),
                    r.validTo(),
                    r.recordedAt(),
                    r.recordedBy(),
                    r.changeReason(),
                    r.supersededAt(),
                    r.supersededBy(),
                    r.supersededReason(),
                    r.provenance());
        } catch (ParseException e) {
            throw new IllegalStateException("stored geometry of version " + r.versionId() + " is unreadable", e);
        }
    }

    private static final org.locationtech.jts.geom.GeometryFactory GEOMETRY =
            org.frontline.geo.GeoJsonGeometryReader.WGS84;

    static boolean overlaps(Instant aFrom, Instant aTo, Instant bFrom, Instant bTo) {
        return (aTo == null || aTo.isAfter(bFrom)) && (bTo == null || bTo.isAfter(aFrom));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void checkReason(String reason) {
        if (reason != null && reason.length() > 1000) {
            throw new BadInputException("reason is longer than 1000 characters");
        }
    }

    static String label(int index, NewFeature f) {
        return "#" + (index + 1) + (f.id() == null ? "" : " (id '" + f.id() + "')");
    }

    private static NotFoundException unknownFeature(String id) {
        return new NotFoundException("there is no feature '" + id + "'");
    }
}
