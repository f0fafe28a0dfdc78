package org.frontline.reports.internal;

import java.util.List;
import java.util.stream.Stream;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.gazetteer.GazetteerLearning;
import org.frontline.gazetteer.LearnedEntry;
import org.frontline.gazetteer.NameFolding;
import org.frontline.gazetteer.Place;
import org.frontline.geo.GeodesicMeasure;
import org.frontline.reports.internal.ParseResult.PlaceMention;
import org.frontline.reports.internal.ReviewRecords.QueuedCandidate;
import org.frontline.reports.internal.ReviewRecords.StoredReport;
import org.springframework.stereotype.Component;

/**
 * Learning from a corrected wrong resolution. When an analyst moves a candidate whose own place mention resolved
 * to one gazetteer entry to a point farther than {@link GazetteerLearning#SAME_PLACE_KM} away (or to another
 * entry), keeping the name (no new name, or one spelled like the mention or the old place), the report's
 * spelling at the new point becomes a learned entry that overrules the old entry for that spelling. A new name
 * spelled otherwise ("Morek" moved to "Maaret al-Nouman") says the event happened elsewhere: nothing is learned.
 */
@Component
class CorrectionLearning {

    private final Gazetteer gazetteer;
    private final GazetteerLearning learning;
    private final ReportParser parser;

    CorrectionLearning(Gazetteer gazetteer, GazetteerLearning learning, ReportParser parser) {
        this.gazetteer = gazetteer;
        this.learning = learning;
        this.parser = parser;
    }

    /**
     * {@code newName}: the place name the analyst gave (null: kept); {@code newEntry}: the gazetteer entry chosen
     * (null: a point). Returns the learned entry, or null when the edit was no correction of a resolution.
     */
    LearnedEntry learn(
            QueuedCandidate old,
            StoredReport report,
            double lat,
            double lon,
            String newName,
            Place newEntry,
            String analyst) {
        if (GeodesicMeasure.distanceKm(old.lon(), old.lat(), lon, lat) <= GazetteerLearning.SAME_PLACE_KM) return null;
        PlaceMention m = ownMention(old, report);
        if (m == null) return null;
        String key = NameFolding.phoneticKey(NameFolding.foldedTokens(m.mention()));
        Place wrong = oldEntry(m, key);
        if (wrong == null) return null;
        boolean sameName = newEntry != null
                ? gazetteer.candidates(key).contains(newEntry)
                : newName == null || newName.equals(old.placeName()) || samePhonetic(newName, key);
        if (!sameName) return null;
        LearnedEntry.Draft d = new LearnedEntry.Draft(
                m.mention().strip(),
                lat,
                lon,
                List.of(),
                newEntry == null ? null : newEntry.country(),
                report.id(),
                "corrected in review of report " + report.id() + ": was " + wrong.name() + ", " + wrong.country(),
                wrong.geonameId());
        if (d.problem() != null) return null;
        return learning.learnCorrection(d, analyst);
    }

    /** The mention inside the candidate's span that gave its place (same point); null when it was inherited. */
    private PlaceMention ownMention(QueuedCandidate c, StoredReport report) {
        for (PlaceMention m : parser.parse(report.body(), report.published()).places()) {
            if (m.start() >= c.spanStart()
                    && m.end() <= c.spanEnd()
                    && samePoint(m.lat(), m.lon(), c.lat(), c.lon())
                    && !m.kind().equals("country")
                    && !m.kind().equals("province")
                    && !m.kind().equals("region")) {
                return m;
            }
        }
        return null;
    }

    /** The gazetteer entry the mention resolved to (with its internal id, which learned entries' ids are). */
    private Place oldEntry(PlaceMention m, String key) {
        return Stream.concat(gazetteer.candidates(key).stream(), gazetteer.lookup(m.name(), "").stream())
                .filter(p -> p.name().equals(m.name()) && samePoint(p.lat(), p.lon(), m.lat(), m.lon()))
                .findFirst()
                .orElse(null);
    }

    private static boolean samePhonetic(String name, String key) {
        return NameFolding.phoneticKey(NameFolding.foldedTokens(name)).equals(key);
    }

    private static boolean samePoint(double lat1, double lon1, double lat2, double lon2) {
        return Math.abs(lat1 - lat2) < 1e-7 && Math.abs(lon1 - lon2) < 1e-7;
    }
}
