package org.frontline.gazetteer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads GeoNames' {@code alternateNamesV2} layout (tab-separated: alternateNameId, geonameid, isolanguage,
 * alternate name, isPreferredName, isShortName, isColloquial, isHistoric, from, to; the older layout stops after
 * isHistoric). Only names in {@link #LANGUAGES} are kept: Arabic, English and names without a language. Other
 * languages, and the pseudo-languages (link, post, iata, icao, faac, abbr, wkdt, unlc ...) which are codes and URLs
 * rather than names, are skipped.
 */
public final class AlternateNamesFile {

    /** A name of one gazetteer entry. */
    public record Name(long geonameId, String name) {}

    /** What a report may write a place as. */
    static final Set<String> LANGUAGES = Set.of("", "ar", "en");

    /** Counts: well-formed lines kept, well-formed lines in other languages, malformed lines. */
    public record Counts(int kept, int otherLanguage, int malformed) {}

    private AlternateNamesFile() {}

    public static Counts read(InputStream in, Consumer<Name> sink) throws IOException {
        int[] kept = {0};
        int[] other = {0};
        int malformed = GeonamesFile.lines(in, f -> {
            if ((f.length != 10 && f.length != 8) || f[3].isBlank() || GeonamesFile.hasControl(f[3])) return false;
            long id;
            try {
                Long.parseLong(f[0]);
                id = Long.parseLong(f[1]);
            } catch (NumberFormatException e) {
                return false;
            }
            if (!LANGUAGES.contains(f[2])) {
                other[0]++;
                return true;
            }
            kept[0]++;
            sink.accept(new Name(id, f[3].strip()));
            return true;
        });
        return new Counts(kept[0], other[0], malformed);
    }
}
