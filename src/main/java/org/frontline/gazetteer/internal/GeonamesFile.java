package org.frontline.gazetteer.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.frontline.gazetteer.Place;

/**
 * Reads files in the GeoNames {@code geoname} table layout (tab-separated: geonameid, name, asciiname,
 * alternatenames, latitude, longitude, feature class, feature code, country code, cc2, admin1 ... population ...).
 * That is the layout of the shipped extract and of the full country dumps (SY.txt) from download.geonames.org.
 */
public final class GeonamesFile {

    /** A row with its names (primary, ascii and alternates). */
    public record Row(Place place, List<String> names) {}

    private GeonamesFile() {}

    /** A handler of one line's tab-separated fields; false when the line was malformed. */
    interface Fields {
        boolean accept(String[] f);
    }

    /**
     * The one reader of GeoNames' tab-separated files: strict UTF-8 (a bad byte throws), blank and '#' lines
     * skipped; returns how many lines the handler refused.
     */
    static int lines(InputStream in, Fields handler) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        int skipped = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.charAt(0) == '#') continue;
                if (!handler.accept(line.split("\t", -1))) skipped++;
            }
        }
        return skipped;
    }

    /** Streams rows; returns how many lines were skipped as malformed. */
    public static int read(InputStream in, Map<Long, double[]> areaBoxes, Consumer<Row> sink) throws IOException {
        return lines(in, f -> row(f, areaBoxes, sink));
    }

    private static boolean row(String[] f, Map<Long, double[]> areaBoxes, Consumer<Row> sink) {
        if (f.length < 15) return false;
        try {
            long id = Long.parseLong(f[0]);
            long pop = f[14].isEmpty() ? 0 : Long.parseLong(f[14]);
            Place p = new Place(
                    id,
                    plain(f[1]),
                    Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]),
                    f[6],
                    f[7],
                    f[8],
                    f[10],
                    pop,
                    areaBoxes.get(id));
            List<String> names = new ArrayList<>();
            names.add(f[1]);
            if (!f[2].isEmpty() && !f[2].equals(f[1])) names.add(f[2]);
            if (!f[3].isEmpty()) {
                for (String alt : f[3].split(",")) {
                    // GeoNames mixes airport/postal codes into alternate names; they are not place names
                    if (!alt.isEmpty() && !(id > 0 && isCode(alt))) {
                        names.add(alt);
                    }
                }
            }
            sink.accept(new Row(p, names));
            return true;
        } catch (IllegalArgumentException e) { // unreadable number, or a position off the globe (Place)
            return false;
        }
    }

    /** The GeoNames name without diacritics (Khān Shaykhūn → Khan Shaykhun), as English reports write it. */
    static String plain(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{Mn}", "");
    }

    static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }

    private static boolean isCode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) return false;
        }
        return true;
    }
}
