package org.frontline.gazetteer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.frontline.gazetteer.Place;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of the gazetteer directory: GeoNames dumps at its top ({@code SY.txt}, {@code .gz}), then
 * {@code admin1/} and {@code admin2/} (admin codes: their names join the division's entry), {@code alternates/}
 * (alternateNamesV2: names join entries by geonameid) and {@code osm/} ({@code .osm.pbf}: place nodes, merged
 * with the entry of the same place when there is one). See {@link UploadFormat} for how uploads land there.
 */
public final class ExtraSources {

    private static final Logger log = LoggerFactory.getLogger(ExtraSources.class);
    /** OpenStreetMap node n is the gazetteer entry -(OSM_BASE + n). */
    public static final long OSM_BASE = 1_000_000_000_000L;

    private ExtraSources() {}

    /** Reads every file into {@code merge}; admin division names by code go into {@code admin}. */
    public static void load(Path dir, Map<Long, double[]> boxes, SourceMerge merge, Map<String, String> admin) {
        if (dir == null || !Files.isDirectory(dir)) return;
        for (Path dump : files(dir, ".txt", ".gz")) {
            try (InputStream in = open(dump)) {
                int skipped = GeonamesFile.read(
                        in,
                        boxes,
                        r -> merge.add(
                                r.place(), r.names(), "geonames:" + r.place().geonameId()));
                log.info("gazetteer: loaded {} ({} malformed lines skipped)", dump, skipped);
            } catch (IOException | UncheckedIOException e) {
                log.warn("gazetteer: cannot read {}: {}", dump, e.getMessage());
            }
        }
        for (int level = 1; level <= 2; level++) {
            int l = level;
            for (Path f : files(dir.resolve(UploadFormat.of("admin" + level).dir()), ".txt")) {
                read(
                        f,
                        in -> AdminCodesFile.read(in, l, c -> {
                            admin.put(c.code(), c.name());
                            merge.addNames(c.geonameId(), List.of(c.name(), c.asciiName()));
                        }));
            }
        }
        for (Path f : files(dir.resolve(UploadFormat.ALTERNATES.dir()), ".txt")) {
            read(f, in -> AlternateNamesFile.read(in, n -> merge.addNames(n.geonameId(), List.of(n.name()))));
        }
        List<Place> provinces = new ArrayList<>();
        for (SourceMerge.Entry e : merge.entries()) {
            if (e.place().isProvince() && e.place().bbox() != null) provinces.add(e.place());
        }
        for (Path f : files(dir.resolve(UploadFormat.OSM.dir()), ".pbf")) {
            try {
                OsmPlacesFile.read(f.toFile(), n -> merge.merge(place(n, provinces), n.names(), "osm:node/" + n.id()));
            } catch (IllegalArgumentException e) {
                log.warn("gazetteer: cannot read {}: {}", f, e.getMessage());
            }
        }
    }

    /** An OSM place node as a gazetteer entry: its country and governorate from the governorate boxes. */
    static Place place(OsmPlacesFile.PlaceNode n, List<Place> provinces) {
        String country = "";
        String admin1 = "";
        for (Place p : provinces) {
            double[] b = p.bbox();
            if (n.lon() >= b[0] && n.lon() <= b[2] && n.lat() >= b[1] && n.lat() <= b[3]) {
                country = p.country();
                admin1 = p.admin1();
                break;
            }
        }
        String code = switch (n.place()) {
            case "suburb" -> "PPLX";
            case "locality" -> "PPLL";
            default -> "PPL";
        };
        return new Place(
                -(OSM_BASE + n.id()),
                n.names().get(0),
                n.lat(),
                n.lon(),
                "P",
                code,
                country,
                admin1,
                n.population(),
                null);
    }

    interface Reader {
        Object read(InputStream in) throws IOException;
    }

    private static void read(Path f, Reader reader) {
        try (InputStream in = open(f)) {
            reader.read(in);
        } catch (IOException | UncheckedIOException e) {
            log.warn("gazetteer: cannot read {}: {}", f, e.getMessage());
        }
    }

    private static List<Path> files(Path dir, String... suffixes) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p)
                            && Stream.of(suffixes).anyMatch(x -> p.toString().endsWith(x)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            log.warn("gazetteer: cannot list {}: {}", dir, e.getMessage());
            return List.of();
        }
    }

    static InputStream open(Path p) throws IOException {
        InputStream in = Files.newInputStream(p);
        return p.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
