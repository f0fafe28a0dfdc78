package org.frontline.analysis.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.frontline.geo.GeodesicMeasure;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Ground gained and lost by each party between two dates: gained = held after but not before, lost = held
 * before but not after, areas measured geodesically (km²). When only two parties hold a fixed piece of
 * ground, what one gains the other loses (the tests check that conservation).
 */
public final class AreaChange {

    private static final GeometryFactory GF = new GeometryFactory();

    /** One party's change; gained/lost are lon/lat (Multi)Polygons, possibly empty. */
    public record PartyChange(String party, Geometry gained, Geometry lost, double gainedKm2, double lostKm2) {
        public double netKm2() {
            return gainedKm2 - lostKm2;
        }
    }

    /** A place whose holder differs between the two dates (null holder: nobody's ground). */
    public record PlaceChange(NamedPlace place, String before, String after) {}

    private AreaChange() {}

    /**
     * Per party (in order of first appearance), the change from {@code before} to {@code after}.
     * Pieces smaller than {@code minPartKm2} are dropped — the jitter of redrawn boundaries.
     */
    public static List<PartyChange> between(
            Map<String, Geometry> before, Map<String, Geometry> after, double minPartKm2) {
        Set<String> parties = new LinkedHashSet<>(before.keySet());
        parties.addAll(after.keySet());
        List<PartyChange> out = new ArrayList<>();
        for (String party : parties) {
            Geometry b = clean(before.get(party));
            Geometry a = clean(after.get(party));
            Geometry gained = dropSmall(OverlayNGRobust.overlay(a, b, OverlayNG.DIFFERENCE), minPartKm2);
            Geometry lost = dropSmall(OverlayNGRobust.overlay(b, a, OverlayNG.DIFFERENCE), minPartKm2);
            out.add(new PartyChange(
                    party, gained, lost, GeodesicMeasure.areaKm2(gained), GeodesicMeasure.areaKm2(lost)));
        }
        return out;
    }

    /** The places whose holder differs between the two sets of areas. */
    public static List<PlaceChange> placesChangedHands(
            ControlAreas before, ControlAreas after, List<NamedPlace> places) {
        List<PlaceChange> out = new ArrayList<>();
        for (NamedPlace p : places) {
            Coordinate c = new Coordinate(p.lon(), p.lat());
            String was = before.holderOf(c);
            String now = after.holderOf(c);
            if (!Objects.equals(was, now)) {
                out.add(new PlaceChange(p, was, now));
            }
        }
        return out;
    }

    private static Geometry clean(Geometry g) {
        if (g == null || g.isEmpty()) {
            return GF.createPolygon();
        }
        return g.isValid() ? g : GeometryFixer.fix(g);
    }

    private static Geometry dropSmall(Geometry g, double minPartKm2) {
        List<Polygon> kept = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p
                    && (minPartKm2 <= 0 || GeodesicMeasure.areaKm2(p) >= minPartKm2)) {
                kept.add(p);
            }
        }
        return kept.size() == 1 ? kept.get(0) : GF.createMultiPolygon(kept.toArray(Polygon[]::new));
    }
}
