package org.frontline.gazetteer.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * What a gazetteer upload may be, where it is kept in the gazetteer directory, and the check a file must pass
 * (read whole, in its layout) before it is kept: GeoNames {@code geonames} dump, {@code admin1} / {@code admin2}
 * codes, {@code alternates} (alternateNamesV2), {@code osm} extract.
 */
public enum UploadFormat {
    GEONAMES("geonames", "", ".txt"),
    ADMIN1("admin1", "admin1", ".txt"),
    ADMIN2("admin2", "admin2", ".txt"),
    ALTERNATES("alternates", "alternates", ".txt"),
    OSM("osm", "osm", ".pbf");

    private final String name;
    private final String dir;
    private final String suffix;

    UploadFormat(String name, String dir, String suffix) {
        this.name = name;
        this.dir = dir;
        this.suffix = suffix;
    }

    /** The format of this name; IllegalArgumentException naming the ones there are. */
    public static UploadFormat of(String name) {
        for (UploadFormat f : values()) if (f.name.equals(name)) return f;
        throw new IllegalArgumentException(
                "format must be one of geonames, admin1, admin2, alternates, osm; not '" + name + "'");
    }

    public String dir() {
        return dir;
    }

    public String suffix() {
        return suffix;
    }

    public Path storedPath(Path extraDir, String storedName) {
        return dir.isEmpty()
                ? extraDir.resolve(storedName)
                : extraDir.resolve(dir).resolve(storedName);
    }

    /**
     * Reads the whole file in this layout and returns the rows it gives; IllegalArgumentException saying what is
     * wrong when it gives none or cannot be read. {@code progress} hears bytes read (OSM: place nodes read).
     */
    public long check(Path file, LongConsumer progress) {
        if (this == OSM) {
            long[] n = {0};
            OsmPlacesFile.read(file.toFile(), p -> progress.accept(++n[0]));
            if (n[0] == 0) {
                throw new IllegalArgumentException("the extract has no node tagged place=city, town, village, hamlet, "
                        + "suburb or locality with a name");
            }
            return n[0];
        }
        try (InputStream in = new Counting(Files.newInputStream(file), progress)) {
            return switch (this) {
                case GEONAMES -> {
                    long[] n = {0};
                    int bad = GeonamesFile.read(in, Map.of(), r -> n[0]++);
                    if (n[0] == 0)
                        throw new IllegalArgumentException(
                                "no line in the GeoNames geoname layout (19 tab-separated columns; " + bad
                                        + " malformed)");
                    yield n[0];
                }
                case ADMIN1, ADMIN2 -> {
                    long[] n = {0};
                    int bad = AdminCodesFile.read(in, this == ADMIN1 ? 1 : 2, c -> n[0]++);
                    if (n[0] == 0)
                        throw new IllegalArgumentException("no line in the GeoNames "
                                + (this == ADMIN1 ? "admin1CodesASCII (code CC.A1" : "admin2Codes (code CC.A1.A2")
                                + ", name, asciiname, geonameid) layout; " + bad + " malformed");
                    yield n[0];
                }
                default -> {
                    AlternateNamesFile.Counts c = AlternateNamesFile.read(in, a -> {});
                    if (c.kept() + c.otherLanguage() == 0)
                        throw new IllegalArgumentException("no line in the GeoNames alternateNamesV2 layout (10 "
                                + "tab-separated columns: alternateNameId, geonameid, isolanguage, name ...); "
                                + c.malformed() + " malformed");
                    yield c.kept();
                }
            };
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the file is not UTF-8 text: " + e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Counting extends FilterInputStream {
        private final LongConsumer progress;
        private long read;

        Counting(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) progress.accept(read += n);
            return n;
        }
    }
}
