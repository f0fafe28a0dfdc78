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
import java.util.zip.GZIPInputStream;
import org.frontline.gazetteer.internal.ExtraSources;
import org.frontline.gazetteer.internal.GazetteerIndex;
import org.frontline.gazetteer.internal.GeonamesFile;
import org.frontline.gazetteer.internal.SourceMerge;
import org.frontline.gazetteer.internal.UploadFormat;
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
    private volatile Map<String, String> adminNames = Map.of();
    private volatile long loadMillis;

    /** Loads the shipped extract and the dumps in {@code extraDir} (may be null or missing). */
    public Gazetteer(Path extraDir) {
        this.extraDir = extraDir;
        reload();
    }

    public final synchronized void reload() {
        long t0 = System.nanoTime();
        Map<Long, double[]> boxes = readAreas();
        SourceMerge merge = new SourceMerge();
        try (InputStream in = new GZIPInputStream(resource(EXTRACT), 1 << 16)) {
            GeonamesFile.read(
                    in,
                    boxes,
                    r -> merge.add(r.place(), r.names(), "geonames:" + r.place().geonameId()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gazetteer extract " + EXTRACT, e);
        }
        try (InputStream in = resource(FACILITIES)) {
            GeonamesFile.read(in, boxes, r -> merge.add(r.place(), r.names(), "frontline"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the facility list " + FACILITIES, e);
        }
        Map<String, String> admin = new HashMap<>();
        ExtraSources.load(extraDir, boxes, merge, admin);
        for (LearnedEntry e : learned) {
            Place p = new Place(
                    e.placeId(),
                    e.name(),
                    e.lat(),
                    e.lon(),
                    e.featureClass(),
                    e.featureCode(),
                    e.country(),
                    e.admin1(),
                    0,
                    null);
            merge.merge(p, e.names(), "learned:" + e.id());
        }
        GazetteerIndex next = new GazetteerIndex();
        for (SourceMerge.Entry e : merge.entries()) {
            next.add(new GeonamesFile.Row(e.place(), e.names()));
            if (e.sources().size() > 1) next.sources(e.place().geonameId(), e.sources());
        }
        for (LearnedEntry e : learned) {
            if (e.replaces() != null) next.shadow(e.names(), e.replaces());
        }
        index = next;
        adminNames = Map.copyOf(admin);
        loadMillis = (System.nanoTime() - t0) / 1_000_000;
        log.info("gazetteer: {} places indexed in {} ms", next.size(), loadMillis);
    }

    /**
     * The sources of a place: "geonames:ID", "osm:node/ID", "learned:ID", "frontline" (the curated list); more than
     * one when several sources named the same place and it was merged ({@link SourceMerge}).
     */
    public List<String> sources(Place p) {
        List<String> s = index.sources(p.geonameId());
        if (s != null) return s;
        if (p.learned()) return List.of("learned:" + (-p.geonameId() - LearnedEntry.LEARNED_BASE));
        if (p.geonameId() <= -ExtraSources.OSM_BASE)
            return List.of("osm:node/" + (-p.geonameId() - ExtraSources.OSM_BASE));
        return List.of(p.geonameId() > 0 ? "geonames:" + p.geonameId() : "frontline");
    }

    /** The name of an admin division by GeoNames code ("SY.09", "SY.09.1234") from uploaded admin code files. */
    public Optional<String> adminName(String code) {
        return Optional.ofNullable(adminNames.get(code));
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
    public int importDump(String fileName, byte[] content) {
        try {
            Path tmp = Files.createTempFile("frontline-gazetteer", ".txt");
            try {
                Files.write(tmp, content);
                return (int) install("geonames", fileName, tmp, n -> {});
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a whole uploaded file in its format (geonames, admin1, admin2, alternates, osm), and only when it is
     * good moves it into the extra directory and rebuilds the index; returns the rows it gave. A bad file throws
     * IllegalArgumentException and changes nothing. {@code progress} hears the bytes (or OSM places) read.
     */
    public synchronized long install(
            String format, String fileName, Path file, java.util.function.LongConsumer progress) {
        String name = storedNameOf(format, fileName);
        long rows = check(format, file, progress);
        try (InputStream in = Files.newInputStream(file)) {
            put(format, name, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reload();
        return rows;
    }

    /** Reads a whole file in its format; returns its rows, or throws IllegalArgumentException saying what is wrong. */
    public long check(String format, Path file, java.util.function.LongConsumer progress) {
        return UploadFormat.of(format).check(file, progress);
    }

    /** The name a file of this format is kept under (see {@link #storedName(String, String)}). */
    public static String storedNameOf(String format, String fileName) {
        return storedName(fileName, UploadFormat.of(format).suffix());
    }

    /**
     * Puts a checked file into its format's place in the extra directory, replacing one of the same name whole
     * (written aside, then moved); {@link #reload()} reads it.
     */
    public synchronized void put(String format, String storedName, InputStream content) {
        Path target = stored(format, storedName);
        try {
            Files.createDirectories(target.getParent());
            Path staged = target.resolveSibling(target.getFileName() + ".part");
            Files.copy(content, staged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.move(
                    staged,
                    target,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The size of the kept file of this format and name, or -1 when there is none. */
    public long storedSize(String format, String storedName) {
        Path p = stored(format, storedName);
        try {
            return Files.isRegularFile(p) ? Files.size(p) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private Path stored(String format, String storedName) {
        if (extraDir == null) throw new IllegalStateException("no gazetteer directory configured");
        return UploadFormat.of(format).storedPath(extraDir, storedName);
    }

    /**
     * The name to store an upload under: its last path segment with only safe characters. Not Path.of, which
     * has no file name for "/" and throws on a NUL. A name that leaves nothing ("/", "..") is refused.
     */
    static String storedName(String fileName) {
        return storedName(fileName, ".txt");
    }

    static String storedName(String fileName, String suffix) {
        String base = fileName == null
                ? ""
                : fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        if (fileName == null) safe = "upload";
        if (safe.isEmpty()) {
            String shown = fileName.length() > 60 ? fileName.substring(0, 60) + "…" : fileName;
            throw new IllegalArgumentException("the file name '" + shown + "' names no file; upload e.g. SY.txt");
        }
        return safe.endsWith(suffix) ? safe : safe + suffix;
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

    private static InputStream resource(String name) throws IOException {
        InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new IOException("missing classpath resource " + name);
        return in;
    }
}
