package org.frontline.gazetteer;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A gazetteer entry an analyst made in review: a name the gazetteer lacked (or had wrong), the point it means,
 * its other spellings, and its provenance (who placed it, from which report). {@code id} is the database id; in
 * the gazetteer it is the place with {@code geonameId = -(LEARNED_BASE + id)} (not a GeoNames id). {@code replaces}
 * is the gazetteer id of the entry a correction overrules for these spellings (null when the name was unknown).
 */
public record LearnedEntry(
        long id,
        String name,
        List<String> alternateNames,
        double lat,
        double lon,
        String featureClass,
        String featureCode,
        String country,
        String admin1,
        String createdBy,
        Long reportId,
        Long replaces,
        String note,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static final long LEARNED_BASE = 100_000_000L;

    public long placeId() {
        return -(LEARNED_BASE + id);
    }

    /** Whether a gazetteer id is a learned entry's ({@link #placeId()}; OpenStreetMap's lie below -1e12). */
    public static boolean isLearned(long geonameId) {
        return geonameId <= -LEARNED_BASE && geonameId > -2 * LEARNED_BASE;
    }

    /** All spellings, the name first. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        out.add(name);
        out.addAll(alternateNames);
        return out;
    }

    /**
     * What a client may send: a name, a point, optionally other spellings, a country code, the report it came
     * from, a note and the gazetteer id of the entry it overrules. {@link #problem()} says what is wrong with it,
     * or null.
     */
    public record Draft(
            String name,
            Double lat,
            Double lon,
            List<String> alternateNames,
            String country,
            Long reportId,
            String note,
            Long replaces) {

        public String problem() {
            if (name == null || name.isBlank()) return "the entry needs a name";
            if (name.strip().length() > 200) return "the name is longer than 200 characters";
            for (String n : names()) {
                if (n.chars().anyMatch(Character::isISOControl))
                    return "the name '" + printable(n) + "' has control characters";
                if (n.contains(",") || n.contains("\t"))
                    return "a name may not contain a comma or a tab: '" + printable(n) + "'";
            }
            if (lat == null || lon == null) return "the entry needs lat and lon";
            if (!(lat >= -90 && lat <= 90)) return "lat " + lat + " is outside -90..90";
            if (!(lon >= -180 && lon <= 180)) return "lon " + lon + " is outside -180..180";
            if (country != null && !country.isEmpty() && !country.matches("[A-Z]{2}")) {
                return "country must be a two-letter ISO code, not '" + printable(country) + "'";
            }
            if (note != null && note.length() > 1000) return "the note is longer than 1000 characters";
            if (String.join(",", alternateNames == null ? List.of() : alternateNames)
                            .length()
                    > 4000) {
                return "the alternate names are longer than 4000 characters together";
            }
            return null;
        }

        List<String> names() {
            List<String> out = new ArrayList<>();
            out.add(name);
            if (alternateNames != null) out.addAll(alternateNames);
            return out;
        }

        private static String printable(String s) {
            String t = s.replaceAll("\\p{Cntrl}", "?");
            return t.length() > 60 ? t.substring(0, 60) + "…" : t;
        }
    }
}
