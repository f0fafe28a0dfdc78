package org.frontline.gazetteer.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import crosby.binary.Fileformat;
import crosby.binary.osmosis.OsmosisReader;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.openstreetmap.osmosis.core.container.v0_6.EntityContainer;
import org.openstreetmap.osmosis.core.domain.v0_6.Node;
import org.openstreetmap.osmosis.core.domain.v0_6.Tag;
import org.openstreetmap.osmosis.core.task.v0_6.Sink;

/**
 * Reads an OpenStreetMap extract ({@code .osm.pbf}) with osmosis' reader: the nodes tagged {@code place} =
 * city, town, village, hamlet, suburb or locality that have a name, with their names ({@code name}, {@code name:en},
 * {@code name:ar}, {@code alt_name} and {@code old_name}, the last two ';'-separated lists) and population.
 */
public final class OsmPlacesFile {

    /** One place node. */
    public record PlaceNode(long id, double lat, double lon, String place, List<String> names, long population) {}

    static final Set<String> PLACES = Set.of("city", "town", "village", "hamlet", "suburb", "locality");
    private static final List<String> NAME_KEYS = List.of("name:en", "name", "name:ar", "alt_name", "old_name");

    private OsmPlacesFile() {}

    /**
     * Streams the place nodes; a file that is not a whole PBF extract (truncated, another format) throws
     * IllegalArgumentException saying so.
     */
    public static void read(File file, Consumer<PlaceNode> sink) {
        checkBlocks(file);
        OsmosisReader reader = new OsmosisReader(file);
        reader.setSink(new Sink() {
            @Override
            public void initialize(Map<String, Object> metaData) {}

            @Override
            public void process(EntityContainer container) {
                if (container.getEntity() instanceof Node n) {
                    PlaceNode p = placeNode(n);
                    if (p != null) sink.accept(p);
                }
            }

            @Override
            public void complete() {}

            @Override
            public void close() {}
        });
        try {
            reader.run();
        } catch (RuntimeException e) { // osmosis wraps a short read or a bad block in OsmosisRuntimeException
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(
                    "the file is not a whole OpenStreetMap PBF extract ("
                            + cause.getClass().getSimpleName()
                            + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")",
                    e);
        }
    }

    /**
     * Walks the file's blocks (4-byte length, BlobHeader, blob of its datasize) without decoding them: osmosis'
     * reader takes a file cut inside a block for its end, so a truncated extract would load in part.
     */
    static void checkBlocks(File file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(file), 1 << 16))) {
            long size = file.length();
            long at = 0;
            int block = 0;
            while (at < size) {
                if (size - at < 4) throw truncated(block, size);
                int headerLength = in.readInt();
                if (headerLength <= 0 || headerLength > 64 * 1024) {
                    throw new IllegalArgumentException("the file is not an OpenStreetMap PBF extract (block " + block
                            + " has a header of " + headerLength + " bytes)");
                }
                if (size - at - 4 < headerLength) throw truncated(block, size);
                byte[] header = new byte[headerLength];
                in.readFully(header);
                Fileformat.BlobHeader h;
                try {
                    h = Fileformat.BlobHeader.parseFrom(header);
                } catch (InvalidProtocolBufferException e) {
                    throw new IllegalArgumentException("the file is not an OpenStreetMap PBF extract (block " + block
                            + "'s header is unreadable)");
                }
                if (block == 0 && !h.getType().equals("OSMHeader")) {
                    throw new IllegalArgumentException(
                            "the file is not an OpenStreetMap PBF extract (it starts with a '" + h.getType()
                                    + "' block, not OSMHeader)");
                }
                at += 4 + headerLength;
                if (h.getDatasize() < 0 || size - at < h.getDatasize()) throw truncated(block, size);
                in.skipNBytes(h.getDatasize());
                at += h.getDatasize();
                block++;
            }
            if (block < 2) throw new IllegalArgumentException("the OpenStreetMap PBF extract has no data block");
        } catch (IOException e) {
            throw new IllegalArgumentException("the OpenStreetMap PBF extract cannot be read: " + e.getMessage());
        }
    }

    private static IllegalArgumentException truncated(int block, long size) {
        return new IllegalArgumentException("the OpenStreetMap PBF extract is truncated: block " + block
                + " ends past the end of the file (" + size + " bytes)");
    }

    static PlaceNode placeNode(Node n) {
        String place = null;
        String population = null;
        List<String> names = new ArrayList<>();
        for (String key : NAME_KEYS) {
            for (Tag t : n.getTags()) {
                if (!t.getKey().equals(key)) continue;
                for (String v : key.endsWith("_name") ? t.getValue().split(";") : new String[] {t.getValue()}) {
                    String name = v.strip();
                    if (!name.isEmpty() && !GeonamesFile.hasControl(name) && !names.contains(name)) names.add(name);
                }
            }
        }
        for (Tag t : n.getTags()) {
            if (t.getKey().equals("place")) place = t.getValue();
            if (t.getKey().equals("population")) population = t.getValue();
        }
        if (place == null || !PLACES.contains(place) || names.isEmpty()) return null;
        if (!(n.getLatitude() >= -90 && n.getLatitude() <= 90 && n.getLongitude() >= -180 && n.getLongitude() <= 180))
            return null;
        long pop = 0;
        if (population != null && population.strip().matches("\\d{1,10}")) pop = Long.parseLong(population.strip());
        return new PlaceNode(n.getId(), n.getLatitude(), n.getLongitude(), place, List.copyOf(names), pop);
    }
}
