package org.frontline.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.frontline.analysis.internal.Encirclement.Result;
import org.frontline.analysis.internal.Encirclement.Status;
import org.frontline.geo.GeodesicProjection;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Known answers on synthetic ground drawn in km around a post at 36.65°E 35.55°N (the origin); "opp" is the
 * post's side, "gov" the other. Corridors narrower than 5 km threaten.
 */
class EncirclementTest {

    private static final GeometryFactory GF = new GeometryFactory();
    private static final double LON = 36.65;
    private static final double LAT = 35.55;
    private static final GeodesicProjection KM = new GeodesicProjection(LON, LAT);

    @Test
    void frontLinePostWithAnOpenRearIsOpenAndTheFrontIsItsOwnFigure() {
        Map<String, Geometry> areas = new LinkedHashMap<>();
        areas.put("opp", kmBox(-60, 60, -1, 60)); // the front 1 km south of the post, friendly ground behind
        areas.put("gov", kmBox(-60, 60, -60, -1));
        Result r = judge(areas, 0, 0);
        assertThat(r.status()).isEqualTo(Status.OPEN);
        assertThat(r.corridorKm()).isNull();
        assertThat(r.frontDistanceKm()).isCloseTo(1.0, within(0.1));
    }

    @Test
    void pocketBehindAThreeKilometreNeckIsThreatenedAndTheNeckIsMeasured() {
        Geometry main = kmBox(-60, 60, 20, 60);
        Geometry neck = kmBox(-1.5, 1.5, 8, 21); // 3 km wide, 13 km long
        Geometry pocket = kmBox(-8, 8, -8, 9); // 16 × 17 km around the post
        Geometry opp = main.union(neck).union(pocket);
        Map<String, Geometry> areas = new LinkedHashMap<>();
        areas.put("opp", opp);
        areas.put("gov", kmBox(-60, 60, -60, 60).difference(opp));
        Result r = judge(areas, 0, 0);
        assertThat(r.status()).isEqualTo(Status.THREATENED);
        assertThat(r.corridorKm()).isCloseTo(3.0, within(0.2));
        assertThat(r.frontDistanceKm()).isCloseTo(8.0, within(0.2));
        // the same pocket with a 10 km neck is open
        Geometry wide = main.union(kmBox(-5, 5, 8, 21)).union(pocket);
        areas.put("opp", wide);
        areas.put("gov", kmBox(-60, 60, -60, 60).difference(wide));
        assertThat(judge(areas, 0, 0).status()).isEqualTo(Status.OPEN);
    }

    @Test
    void postAtTheEndOfANarrowFingerIsThreatened() {
        Geometry opp = kmBox(-60, 60, 10, 60).union(kmBox(-1, 1, -1, 11)); // a 2 km finger, the post at its tip
        Map<String, Geometry> areas = new LinkedHashMap<>();
        areas.put("opp", opp);
        areas.put("gov", kmBox(-60, 60, -60, 60).difference(opp));
        Result r = judge(areas, 0, 0);
        assertThat(r.status()).isEqualTo(Status.THREATENED);
        assertThat(r.corridorKm()).isCloseTo(2.0, within(0.2));
    }

    @Test
    void enclaveIsSurrounded() {
        Geometry enclave = kmDisk(3);
        Map<String, Geometry> areas = new LinkedHashMap<>();
        areas.put("opp", enclave.union(kmBox(-60, 60, 30, 60))); // the main territory 30 km north
        areas.put("gov", kmBox(-60, 60, -60, 30).difference(enclave));
        Result r = judge(areas, 0, 0);
        assertThat(r.heldBy()).isEqualTo("opp");
        assertThat(r.status()).isEqualTo(Status.SURROUNDED);
        assertThat(r.frontDistanceKm()).isCloseTo(3.0, within(0.1));
    }

    @Test
    void postInsideTheOtherSidesAreaIsSurrounded() {
        Map<String, Geometry> areas = new LinkedHashMap<>();
        areas.put("gov", kmBox(-60, 60, -60, 2));
        areas.put("opp", kmBox(-60, 60, 2, 60)); // friendly lines 2 km north
        Result r = judge(areas, 0, 0);
        assertThat(r.heldBy()).isEqualTo("gov");
        assertThat(r.status()).isEqualTo(Status.SURROUNDED);
        assertThat(r.frontDistanceKm()).isZero();
    }

    @Test
    void handDrawnPiecesThatTouchOrLeaveASliverCountAsOneTerritory() {
        Map<String, Geometry> areas = new LinkedHashMap<>();
        // the post's piece and the main piece drawn separately, 50 m apart along a 40 km edge
        areas.put("opp", kmBox(-20, 20, -10, 5).union(kmBox(-60, 60, 5.05, 60)));
        areas.put("gov", kmBox(-60, 60, -60, -10));
        assertThat(judge(areas, 0, 0).status()).isEqualTo(Status.OPEN);
    }

    private static Result judge(Map<String, Geometry> byParty, double xKm, double yKm) {
        Coordinate c = new Coordinate();
        KM.inverse(xKm * 1000, yKm * 1000, c);
        return Encirclement.assess(Encirclement.areas(byParty), c.x, c.y, "opp", 5);
    }

    private static Geometry kmBox(double x0, double x1, double y0, double y1) {
        Geometry m = GF.toGeometry(new Envelope(x0 * 1000, x1 * 1000, y0 * 1000, y1 * 1000));
        return KM.toLonLat(Densifier.densify(m, 2000));
    }

    private static Geometry kmDisk(double r) {
        return KM.toLonLat(GF.createPoint(new Coordinate(0, 0)).buffer(r * 1000, 32));
    }
}
