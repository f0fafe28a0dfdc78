package org.frontline.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.frontline.layers.NewFeature;
import org.frontline.layers.Provenance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * A small stand-in for the demo scenario, for when geodata/demo is not on the class path: the same layer ids,
 * control areas that change at 2019-04-30, 2019-08-23 and 2020-03-05, 12 posts with Morek surrounded from
 * 2019-08-23, and generated events. Also generates the bench's 5,000 events.
 */
public final class MapScenario {

    static final GeometryFactory GEO = new GeometryFactory(new PrecisionModel(), 4326);
    static final Provenance SOURCE = new Provenance(
            "Test Wire", "https://example.org/report", LocalDate.parse("2019-09-01"), "medium", "near", "day");

    private MapScenario() {}

    /** Loads the stand-in unless the demo scenario (its control layer) is already there. */
    public static void ensure(LayerService layers) {
        if (layers.layer("control").isPresent()) {
            return;
        }
        layers.ensureLayer("governorates", "Governorates", LayerKind.AREA, "{}");
        layers.add(
                "governorates",
                List.of(
                        feature("gov-idlib", box(36.0, 35.3, 37.0, 36.3), Map.of("name", "Idlib"), "2010-01-01", null),
                        feature("gov-hama", box(36.0, 34.8, 37.5, 35.3), Map.of("name", "Hama"), "2010-01-01", null)),
                "test",
                "stand-in scenario");

        layers.ensureLayer("control", "Control", LayerKind.AREA, "{}");
        String[] dates = {"2018-09-17", "2019-04-30", "2019-08-23", "2020-03-05"};
        double[] frontLat = {35.30, 35.38, 35.48, 35.62};
        List<NewFeature> control = new ArrayList<>();
        for (int i = 0; i < dates.length; i++) {
            String to = i + 1 < dates.length ? dates[i + 1] : null;
            control.add(feature(
                    "control-opposition",
                    box(36.1, frontLat[i], 36.95, 36.25),
                    Map.of("party", "opposition"),
                    dates[i],
                    to));
            control.add(feature(
                    "control-government",
                    box(36.1, 34.9, 36.95, frontLat[i]),
                    Map.of("party", "government"),
                    dates[i],
                    to));
        }
        layers.add("control", control, "test", "stand-in scenario");

        layers.ensureLayer("zones", "Zones", LayerKind.AREA, "{}");
        layers.add(
                "zones",
                List.of(feature(
                        "zone-dmz",
                        box(36.2, 35.25, 36.9, 35.4),
                        Map.of("zoneType", "dmz", "name", "Demilitarised zone"),
                        "2018-09-17",
                        "2020-03-05")),
                "test",
                "stand-in scenario");

        layers.ensureLayer("posts", "Observation posts", LayerKind.POINT, "{}");
        List<NewFeature> posts = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            String id = "post-%02d".formatted(i);
            double lon = 36.2 + i * 0.05;
            double lat = 35.35 + (i % 3) * 0.1;
            if (i == 9) {
                posts.add(point(id, lon, lat, Map.of("name", "Morek", "status", "open"), "2018-09-17", "2019-08-23"));
                posts.add(point(id, lon, lat, Map.of("name", "Morek", "status", "surrounded"), "2019-08-23", null));
            } else {
                posts.add(point(id, lon, lat, Map.of("name", "Post " + i, "status", "open"), "2018-09-17", null));
            }
        }
        layers.add("posts", posts, "test", "stand-in scenario");

        layers.ensureLayer("events", "Events", LayerKind.EVENT, "{}");
        layers.add(
                "events",
                events(600, 7, "2018-09-17", "2020-03-16", 36.2, 35.3, 37.0, 36.1),
                "test",
                "stand-in scenario");
    }

    /** {@code n} one-day events spread over [firstDay, lastDay] inside a box, with a fixed seed. */
    public static List<NewFeature> events(
            int n,
            long seed,
            String firstDay,
            String lastDay,
            double minLon,
            double minLat,
            double maxLon,
            double maxLat) {
        Random rnd = new Random(seed);
        String[] types = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests"};
        LocalDate first = LocalDate.parse(firstDay);
        int days = (int) (LocalDate.parse(lastDay).toEpochDay() - first.toEpochDay());
        List<NewFeature> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            LocalDate day = first.plusDays(rnd.nextInt(days + 1));
            Map<String, Object> props = new HashMap<>();
            props.put("title", types[i % types.length] + " near village " + i);
            props.put("eventType", types[i % types.length]);
            props.put("fatalities", rnd.nextInt(12));
            props.put("placeName", "Village " + i);
            double lon = minLon + rnd.nextDouble() * (maxLon - minLon);
            double lat = minLat + rnd.nextDouble() * (maxLat - minLat);
            out.add(point(null, lon, lat, props, day.toString(), day.plusDays(1).toString()));
        }
        return out;
    }

    static NewFeature feature(String id, Geometry g, Map<String, Object> props, String from, String to) {
        return new NewFeature(id, g, props, instant(from), to == null ? null : instant(to), SOURCE);
    }

    static NewFeature point(String id, double lon, double lat, Map<String, Object> props, String from, String to) {
        return feature(id, GEO.createPoint(new Coordinate(lon, lat)), props, from, to);
    }

    static Geometry box(double minLon, double minLat, double maxLon, double maxLat) {
        return GEO.createPolygon(new Coordinate[] {
            new Coordinate(minLon, minLat),
            new Coordinate(maxLon, minLat),
            new Coordinate(maxLon, maxLat),
            new Coordinate(minLon, maxLat),
            new Coordinate(minLon, minLat)
        });
    }

    static Instant instant(String day) {
        return LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
