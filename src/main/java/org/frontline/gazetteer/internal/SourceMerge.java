package org.frontline.gazetteer.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontline.gazetteer.GazetteerLearning;
import org.frontline.gazetteer.NameFolding;
import org.frontline.gazetteer.Place;
import org.frontline.geo.GeodesicMeasure;

/**
 * One entry per place from several sources. GeoNames rows come first, keyed by geonameid (the same id again, from
 * a country dump after the extract, replaces the place and keeps every name; alternate and admin names join by
 * id). A row from another source (OpenStreetMap, a learned entry) joins the nearest settlement that has a name in
 * the same spelling family ({@link NameFolding#familyKey}) within {@link #MERGE_KM}; otherwise it is an entry of
 * its own, which later rows may join. Each entry lists its names (the first source's first) and its sources.
 */
public final class SourceMerge {

    /** Within this distance, same spelling family means same place. */
    public static final double MERGE_KM = GazetteerLearning.SAME_PLACE_KM;

    /** A merged entry: the first source's place, every name, and the sources ("geonames:163915", "osm:node/1"). */
    public record Entry(Place place, List<String> names, List<String> sources) {}

    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    /** Family key → ids of settlements with a name in it; built at the first merge. */
    private Map<String, List<Long>> byFamily;

    /** A row with its own id (GeoNames, the curated facilities): a new entry, or the same id's names joined. */
    public void add(Place p, List<String> names, String source) {
        Entry old = entries.get(p.geonameId());
        if (old == null) {
            entries.put(p.geonameId(), new Entry(p, new ArrayList<>(names), new ArrayList<>(List.of(source))));
        } else {
            entries.put(p.geonameId(), new Entry(p, old.names(), old.sources()));
            join(old.names(), names);
            if (!old.sources().contains(source)) old.sources().add(source);
        }
        if (byFamily != null) register(p.geonameId(), names);
    }

    /** Names of an entry by id (alternate names, admin names); false when there is no such entry. */
    public boolean addNames(long id, List<String> names) {
        Entry e = entries.get(id);
        if (e == null) return false;
        join(e.names(), names);
        if (byFamily != null) register(id, names);
        return true;
    }

    /** A row from another source: joins the same place if there is one (see the class comment). Returns its entry. */
    public Entry merge(Place p, List<String> names, String source) {
        if (byFamily == null) {
            byFamily = new HashMap<>();
            for (Entry e : entries.values()) register(e.place().geonameId(), e.names());
        }
        Entry best = null;
        double bestKm = MERGE_KM;
        for (String n : names) {
            for (long id : byFamily.getOrDefault(NameFolding.familyKey(n), List.of())) {
                Entry e = entries.get(id);
                double km =
                        GeodesicMeasure.distanceKm(e.place().lon(), e.place().lat(), p.lon(), p.lat());
                if (km <= bestKm) {
                    best = e;
                    bestKm = km;
                }
            }
        }
        if (best == null) {
            add(p, names, source);
            return entries.get(p.geonameId());
        }
        join(best.names(), names);
        if (!best.sources().contains(source)) best.sources().add(source);
        register(best.place().geonameId(), names);
        return best;
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    public Entry get(long id) {
        return entries.get(id);
    }

    private void register(long id, List<String> names) {
        if (!entries.get(id).place().isSettlement()) return;
        for (String n : names) {
            String key = NameFolding.familyKey(n);
            if (key.isEmpty()) continue;
            List<Long> ids = byFamily.computeIfAbsent(key, k -> new ArrayList<>(1));
            if (!ids.contains(id)) ids.add(id);
        }
    }

    private static void join(List<String> into, List<String> names) {
        for (String n : names) if (!into.contains(n)) into.add(n);
    }
}
