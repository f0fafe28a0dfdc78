package org.frontline.gazetteer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads GeoNames' {@code admin1CodesASCII.txt} and {@code admin2Codes.txt} (tab-separated: code, name, name in
 * plain ASCII, geonameid; the code is {@code CC.A1} or {@code CC.A1.A2}), as download.geonames.org publishes them.
 */
public final class AdminCodesFile {

    /** One admin division: its code ("SY.09", "SY.09.1234"), names and the geonameid of its entry. */
    public record Code(String code, String name, String asciiName, long geonameId) {
        public String country() {
            return code.substring(0, 2);
        }
    }

    private static final Pattern ADMIN1 = Pattern.compile("[A-Z]{2}\\.[^.\\s]{1,20}");
    private static final Pattern ADMIN2 = Pattern.compile("[A-Z]{2}\\.[^.\\s]{1,20}\\.[^.\\s]{1,80}");

    private AdminCodesFile() {}

    /** Streams the well-formed rows of level 1 or 2; returns how many lines were malformed. */
    public static int read(InputStream in, int level, Consumer<Code> sink) throws IOException {
        Pattern code = level == 1 ? ADMIN1 : ADMIN2;
        return GeonamesFile.lines(in, f -> {
            if (f.length != 4
                    || !code.matcher(f[0]).matches()
                    || f[1].isBlank()
                    || GeonamesFile.hasControl(f[1])
                    || GeonamesFile.hasControl(f[2])) {
                return false;
            }
            try {
                sink.accept(new Code(f[0], f[1].strip(), f[2].strip(), Long.parseLong(f[3])));
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        });
    }
}
