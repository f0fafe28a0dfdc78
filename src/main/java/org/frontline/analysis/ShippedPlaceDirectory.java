package org.frontline.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.frontline.layers.LayerService;
import org.frontline.layers.StoredFeature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Named places until the gazetteer stands behind {@link PlaceDirectory}: towns of Idlib and northern Hama
 * shipped in {@code geodata/analysis/towns-idlib.csv} (approximate positions) plus the posts layer's points.
 */
@Component
class ShippedPlaceDirectory implements PlaceDirectory {
    static final String TOWNS = "geodata/analysis/towns-idlib.csv";

    private final LayerService layers;
    private final String postsLayer;
    private final List<NamedPlace> towns;

    ShippedPlaceDirectory(LayerService layers, @Value("${frontline.analysis.posts-layer:posts}") String postsLayer) {
        this.layers = layers;
        this.postsLayer = postsLayer;
        this.towns = readTowns();
    }

    @Override
    public List<NamedPlace> placesIn(Envelope box) {
        List<NamedPlace> out = new ArrayList<>();
        for (NamedPlace t : towns) {
            if (box.contains(t.lon(), t.lat())) {
                out.add(t);
            }
        }
        if (layers.layer(postsLayer).isPresent()) {
            Set<String> seen = new HashSet<>();
            for (StoredFeature f : layers.list(org.frontline.layers.FeatureQuery.between(postsLayer,
                    AreaLayerReader.BEGINNING, AreaLayerReader.END).inside(box))) {
                if (f.geometry() instanceof Point p && seen.add(f.featureId()) && box.contains(p.getX(), p.getY())) {
                    Object name = f.properties().get("name");
                    out.add(new NamedPlace(name == null ? f.featureId() : name.toString(), p.getX(), p.getY(), 0));
                }
            }
        }
        return out;
    }

    static List<NamedPlace> readTowns() {
        List<NamedPlace> out = new ArrayList<>();
        ClassPathResource csv = new ClassPathResource(TOWNS);
        if (!csv.exists()) {
            return out;
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(csv.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("name,")) {
                    continue; // comments and the header row
                }
                String[] c = line.split(",");
                out.add(new NamedPlace(c[0].strip(), Double.parseDouble(c[1]), Double.parseDouble(c[2]),
                        c.length > 3 && !c[3].isBlank() ? Long.parseLong(c[3].strip()) : 0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
