package org.frontline.analysis.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontline.analysis.ChangeAnalysis;
import org.frontline.analysis.ResultFeature;
import org.frontline.analysis.internal.AreaChange.PartyChange;
import org.frontline.analysis.internal.AreaChange.PlaceChange;
import org.frontline.layers.Layer;
import org.frontline.web.TimeParam;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;

/** Ground gained and lost between two dates on an area layer, and the named places that changed hands. */
@Service
public class ChangeService implements ChangeAnalysis {
    private final AreaLayerReader reader;
    private final PlaceDirectory places;

    ChangeService(AreaLayerReader reader, PlaceDirectory places) {
        this.reader = reader;
        this.places = places;
    }

    @Override
    public Answer between(Layer areas, Instant from, Instant to, double minKm2, Instant asOf) {
        Map<String, Geometry> before = reader.partiesAt(areas.id(), from, asOf);
        Map<String, Geometry> after = reader.partiesAt(areas.id(), to, asOf);
        List<PartyChange> changes = AreaChange.between(before, after, minKm2);
        List<ResultFeature> features = new ArrayList<>();
        List<Map<String, Object>> table = new ArrayList<>();
        Envelope changed = new Envelope();
        for (PartyChange c : changes) {
            features.add(piece(c.party(), "gained", c.gained(), c.gainedKm2(), from, to));
            features.add(piece(c.party(), "lost", c.lost(), c.lostKm2(), from, to));
            changed.expandToInclude(c.gained().getEnvelopeInternal());
            changed.expandToInclude(c.lost().getEnvelopeInternal());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("party", c.party());
            row.put("gainedKm2", BufferService.round(c.gainedKm2(), 3));
            row.put("lostKm2", BufferService.round(c.lostKm2(), 3));
            row.put("netKm2", BufferService.round(c.netKm2(), 3));
            table.add(row);
        }
        List<Map<String, Object>> handed = new ArrayList<>();
        if (!changed.isNull()) {
            for (PlaceChange pc : AreaChange.placesChangedHands(
                    new ControlAreas(before), new ControlAreas(after), places.placesIn(changed))) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", pc.place().name());
                row.put("lon", pc.place().lon());
                row.put("lat", pc.place().lat());
                row.put("population", pc.place().population());
                row.put("before", pc.before());
                row.put("after", pc.after());
                handed.add(row);
            }
        }
        return new Answer(features, table, handed);
    }

    private static ResultFeature piece(String party, String change, Geometry g, double km2, Instant from, Instant to) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("party", party);
        p.put("change", change);
        p.put("areaKm2", BufferService.round(km2, 3));
        p.put("from", TimeParam.format(from));
        p.put("to", TimeParam.format(to));
        return new ResultFeature(change + "-" + party, g, p);
    }
}
