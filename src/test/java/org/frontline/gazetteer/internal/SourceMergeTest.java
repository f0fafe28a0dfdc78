package org.frontline.gazetteer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.frontline.gazetteer.Place;
import org.junit.jupiter.api.Test;

/**
 * Merging sources, as data: each row is (source, id, class, lat, lon, names); the expected entries are (sources,
 * names). Same spelling family within 5 km is one place; another family, or farther, is another.
 */
class SourceMergeTest {

    record In(String source, long id, String featureClass, double lat, double lon, String names) {}

    record Out(String sources, String names) {}

    static final List<In> ROWS = List.of(
            // GeoNames first (by id; the country dump's row for an id of the extract joins its names)
            new In("geonames", 164782, "P", 35.90403, 36.72501, "Sarmin|Sarmine|سرمين"),
            new In("geonames", 164782, "P", 35.90403, 36.72501, "Sarmīn|Sermin"),
            new In("geonames", 163915, "P", 35.29193, 36.74848, "Suran|Souran"),
            new In("geonames", 163913, "P", 36.56579, 37.2127, "Suran|Sawran"),
            new In("geonames", 169387, "A", 35.90, 36.70, "Sarmin District"),
            // OSM: Sarmin 200 m off with an Arabic and a new spelling; Suran near Aleppo; a village GeoNames lacks
            new In("osm", -1_000_000_001_002L, "P", 35.905, 36.727, "Sarmin|سرمين|Sarmeen"),
            new In("osm", -1_000_000_001_003L, "P", 36.567, 37.214, "Suran|Souran"),
            new In("osm", -1_000_000_001_001L, "P", 35.885, 36.672, "Qmenas|قميناس"),
            // a namesake 40 km away is another place
            new In("osm", -1_000_000_001_004L, "P", 35.55, 36.60, "Sarmin"),
            // learned: the OSM-only village under a family spelling (-eh/-a endings, doubled letters)
            new In("learned", -100_000_007L, "P", 35.884, 36.671, "Qmenass"),
            // learned: a name with no family near: its own entry
            new In("learned", -100_000_008L, "P", 35.62, 36.55, "Kaddura"));

    static final List<Out> EXPECTED = List.of(
            new Out("geonames:164782,osm:-1000000001002", "Sarmin|Sarmine|سرمين|Sarmīn|Sermin|Sarmeen"),
            new Out("geonames:163915", "Suran|Souran"),
            new Out("geonames:163913,osm:-1000000001003", "Suran|Sawran|Souran"),
            new Out("geonames:169387", "Sarmin District"),
            new Out("osm:-1000000001001,learned:-100000007", "Qmenas|قميناس|Qmenass"),
            new Out("osm:-1000000001004", "Sarmin"),
            new Out("learned:-100000008", "Kaddura"));

    @Test
    void rowsFromSeveralSourcesBecomeOneEntryPerPlace() {
        SourceMerge merge = new SourceMerge();
        for (In r : ROWS) {
            Place p = new Place(
                    r.id(),
                    r.names().split("\\|")[0],
                    r.lat(),
                    r.lon(),
                    r.featureClass(),
                    r.featureClass().equals("A") ? "ADM2" : "PPL",
                    "SY",
                    "",
                    0,
                    null);
            List<String> names = Arrays.asList(r.names().split("\\|"));
            String source = r.source() + ":" + r.id();
            if (r.source().equals("geonames")) merge.add(p, names, source);
            else merge.merge(p, names, source);
        }
        List<Out> out = new ArrayList<>();
        for (SourceMerge.Entry e : merge.entries()) {
            out.add(new Out(String.join(",", e.sources()), String.join("|", e.names())));
        }
        assertThat(out).containsExactlyElementsOf(EXPECTED);
    }
}
