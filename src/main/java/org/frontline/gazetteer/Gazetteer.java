package org.frontline.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.frontline.gazetteer.internal.GazetteerIndex;
import org.frontline.gazetteer.internal.GeonamesFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The place-name gazetteer, held in memory for matching speed: the shipped extract
 * ({@code geodata/gazetteer/places.tsv.gz}, GeoNames layout) plus every GeoNames dump found in the extra
 * directory (e.g. a full {@code SY.txt}). Imports build a new index and swap it in, so readers never see a
 * half-built one.
 */
public class Gazetteer {

    private static final Logger log = LoggerFactory.getLogger(Gazetteer.class);
    static final String EXTRACT = "geodata/gazetteer/places.tsv.gz";
    static final String AREAS = "geodata/gazetteer/areas.tsv";
    /** Curated air bases, crossings, camps of the region (GeoNames layout, hand-made, sourced line by line). */
    static final String FACILITIES = "geodata/gazetteer/facilities.tsv";

    private final Path extraDir;
    /** Entries analysts taught in review (database-backed, see LearnedEntries); indexed after everything else. */
    private volatile List<LearnedEntry> learned = List.of();

    private volatile GazetteerIndex index;
    private volatile long loadMillis;

    /** Loads the shipped extract and the dumps in {@code extraDir} (may be null or missing). */
    public Gazetteer(Path extraDir) {
        this.extraDir = extraDir;
        reload();
    }

    public final synchronized void reload() {
        long t0 = System.nanoTime();
        GazetteerIndex next = new GazetteerIndex();
        Map<Long, double[]> boxes = readAreas();
        try (InputStream in = new GZIPInputStream(resource(EXTRACT), 1 << 16)) {
            GeonamesFile.read(in, boxes, next::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gazetteer extract " + EXTRACT, e);
        }
        try (InputStream in = resource(FACILITIES)) {
            GeonamesFile.read(in, boxes, next::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the facility list " + FACILITIES, e);
        }
        for (LearnedEntry e : learned) {
            next.add(new GeonamesFile.Row(
                    new Place(
                            e.placeId(),
                            e.name(),
                            e.lat(),
                            e.lon(),
                            e.featureClass(),
                            e.featureCode(),
                            e.country(),
                            e.admin1(),
                            0,
                            null),
                    e.names()));
            if (e.replaces() != null) next.shadow(e.names(), e.replaces());
        }
        for (Path dump : extraDumps()) {
            try (InputStream in = open(dump)) {
                int skipped = GeonamesFile.read(in, boxes, next::add);
                log.info("gazetteer: loaded {} ({} malformed lines skipped)", dump, skipped);
            } catch (IOException | UncheckedIOException e) {
                log.warn("gazetteer: cannot read {}: {}", dump, e.getMessage());
            }
        }
        index = next;
        loadMillis = (System.nanoTime() - t0) / 1_000_000;
        log.info("gazetteer: {} places indexed in {} ms", next.size(), loadMillis);
    }

    /** Replaces the learned entries and rebuilds the index (readers keep the old one until the swap). */
    public synchronized void setLearned(List<LearnedEntry> entries) {
        this.learned = List.copyOf(entries);
        reload();
    }

    /** The governorate (ADM1 with a box) that holds the point, if any: a learned entry's country and admin1. */
    public Place nearestArea(double lat, double lon) {
        for (Place p : index.places()) {
            double[] b = p.bbox();
            if (p.isProvince() && b != null && lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3]) return p;
        }
        return null;
    }

    /**
     * Checks a GeoNames dump, stores it in the extra directory and reloads; returns the number of places read.
     * Throws IllegalArgumentException when the file holds no place in the GeoNames layout.
     */
    public synchronized int importDump(String fileName, byte[] content) {
        if (extraDir == null) throw new IllegalStateException("no gazetteer directory configured");
        String safe = storedName(fileName);
        int[] count = {0};
        int skipped;
        try {
            skipped = GeonamesFile.read(new java.io.ByteArrayInputStream(content), Map.of(), r -> count[0]++);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("the file is not UTF-8 text in the GeoNames layout: " + e.getMessage());
        }
        if (count[0] == 0) {
            throw new IllegalArgumentException("no line in the GeoNames geoname layout (" + skipped + " malformed)");
        }
        try {
            Files.createDirectories(extraDir);
            Files.write(extraDir.resolve(safe), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reload();
        return count[0];
    }

    /**
     * The name to store an upload under: its last path segment with only safe characters. Not Path.of, which
     * has no file name for "/" and throws on a NUL. A name that leaves nothing ("/", "..") is refused.
     */
    static String storedName(String fileName) {
        String base = fileName == null
                ? ""
                : fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        if (fileName == null) safe = "upload";
        if (safe.isEmpty()) {
            String shown = fileName.length() > 60 ? fileName.substring(0, 60) + "…" : fileName;
            throw new IllegalArgumentException("the file name '" + shown + "' names no file; upload e.g. SY.txt");
        }
        return safe.endsWith(".txt") ? safe : safe + ".txt";
    }

    /**
     * A name as a person types it (any transliteration) → matching places, likeliest first: places in the
     * focus country, then those spelled exactly so, then the most populous.
     */
    public List<Place> lookup(String name, String focusCountry) {
        String exact = NameFolding.exactKey(name);
        return candidates(NameFolding.phoneticKey(name)).stream()
                .sorted(java.util.Comparator.<Place>comparingInt(
                                p -> p.country().equals(focusCountry) ? 0 : 1)
                        .thenComparingInt(p -> exactName(p, exact) ? 0 : 1)
                        .thenComparing(java.util.Comparator.comparingLong(Place::population)
                                .reversed()))
                .toList();
    }

    public List<Place> candidates(String phoneticKey) {
        return index.byPhoneticKey(phoneticKey);
    }

    /** Places whose consonant skeleton ({@link NameFolding#skeletonKey}) is this: loose, check plausibility. */
    public List<Place> candidatesBySkeleton(String skeleton) {
        return index.bySkeleton(skeleton);
    }

    /**
     * Whether an analyst's correction overrules this entry for spellings with this phonetic key (a learned entry
     * with such a spelling {@link LearnedEntry#replaces() replaces} it): the matcher leaves it out.
     */
    public boolean shadowed(Place p, String phoneticKey) {
        return index.shadowed(p, phoneticKey);
    }

    public boolean familyName(Place p, String familyKey) {
        return index.familyName(p, familyKey);
    }

    public boolean exactName(Place p, String exactKey) {
        return index.exactName(p, exactKey);
    }

    public Optional<Place> byId(long geonameId) {
        return Optional.ofNullable(index.byId(geonameId));
    }

    /** The longest indexed name in tokens (bounds the n-grams a matcher tries). */
    public int maxTokens() {
        return index.maxTokens();
    }

    public int size() {
        return index.size();
    }

    public long loadMillis() {
        return loadMillis;
    }

    /** The entries with this feature code (e.g. ADM1) in a country. */
    public List<Place> byFeature(String country, String featureCode) {
        List<Place> out = new java.util.ArrayList<>();
        for (Place p : index.places()) {
            if (p.country().equals(country) && p.featureCode().equals(featureCode)) out.add(p);
        }
        return out;
    }

    /**
     * Populated places inside a box (lon/lat), largest first: what a {@code PlaceDirectory} for analysis
     * ("which places changed hands") can stand on.
     */
    public List<Place> settlementsIn(double minLon, double minLat, double maxLon, double maxLat, long minPopulation) {
        List<Place> out = new java.util.ArrayList<>();
        for (Place p : index.places()) {
            if (p.isSettlement()
                    && p.population() >= minPopulation
                    && p.lon() >= minLon
                    && p.lon() <= maxLon
                    && p.lat() >= minLat
                    && p.lat() <= maxLat) {
                out.add(p);
            }
        }
        out.sort(java.util.Comparator.comparingLong(Place::population).reversed());
        return out;
    }

    private Map<Long, double[]> readAreas() {
        Map<Long, double[]> boxes = new HashMap<>();
        try (InputStream in = resource(AREAS)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                boxes.put(Long.parseLong(f[0]), new double[] {
                    Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]),
                    Double.parseDouble(f[4])
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + AREAS, e);
        }
        return boxes;
    }

    private List<Path> extraDumps() {
        if (extraDir == null || !Files.isDirectory(extraDir)) return List.of();
        try (Stream<Path> s = Files.list(extraDir)) {
            return s.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".gz"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            log.warn("gazetteer: cannot list {}: {}", extraDir, e.getMessage());
            return List.of();
        }
    }

    private static InputStream open(Path p) throws IOException {
        InputStream in = Files.newInputStream(p);
        return p.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new IOException("missing classpath resource " + name);
        return in;
    }
}
