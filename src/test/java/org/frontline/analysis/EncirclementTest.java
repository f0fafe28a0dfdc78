package org.frontline.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.frontline.analysis.Encirclement.Result;
import org.frontline.analysis.Encirclement.Status;
import org.frontline.geo.GeodesicProjection;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Synthetic situations drawn in km around a post at 36.65°E 35.55°N; "opp" holds, "gov" besieges. */
class EncirclementTest {

    private static final GeometryFactory GF = new GeometryFactory();
    private static final double LON = 36.65;
    private static final double LAT = 35.55;
    private static final GeodesicProjection KM = new GeodesicProjection(LON, LAT);
    /** Open-side share when friendly ground starts 5 km away and R = 15: bearings within acos(1/3) of it. */
    private static final double OPEN_SIDE_SHARE = 2 * Math.toDegrees(Math.acos(5.0 / 15)) / 360;

    @Test
    void postInAFriendlyEnclaveDeepInsideOpposingGroundIsSurrounded() {
        Geometry enclave = kmDisk(3);
        Geometry gov = kmBox(-60, 60, -60, 60).difference(enclave);
        Result r = judge(Map.of("opp", enclave, "gov", gov), 15);
        assertThat(r.heldBy()).isEqualTo("opp");
        assertThat(r.cutShare()).isEqualTo(1.0);
        assertThat(r.status()).isEqualTo(Status.SURROUNDED);
    }

    @Test
    void postOverrunByTheOtherSideIsSurroundedButNotIfTheRadiusReachesFriends() {
        Map<String, Geometry> areas = new LinkedHashMap<>();
        areas.put("gov", kmBox(-60, 60, -60, 20));
        areas.put("opp", kmBox(-60, 60, 20, 60)); // friendly lines 20 km north
        assertThat(judge(areas, 15).status()).isEqualTo(Status.SURROUNDED);
        Result wide = judge(areas, 30);
        assertThat(wide.heldBy()).isEqualTo("gov");
        assertThat(wide.status()).isEqualTo(Status.CONTESTED);
    }

    @Test
    void postInASalientOpenOnOneSide() {
        Map<String, Geometry> areas = new LinkedHashMap<>();
        areas.put("gov", kmBox(-60, 60, -60, 5));
        areas.put("opp", kmBox(-60, 60, 5, 60));
        Result r = judge(areas, 15);
        assertThat(r.cutShare()).isCloseTo(1 - OPEN_SIDE_SHARE, within(0.03));
        assertThat(r.status()).isEqualTo(Status.CONTESTED);
    }

    @Test
    void postOnTheBorderIsHalfCut() {
        Map<String, Geometry> areas = new LinkedHashMap<>();
        areas.put("opp", kmBox(-60, 60, 0, 60));
        areas.put("gov", kmBox(-60, 60, -60, 0));
        Result r = judge(areas, 15);
        assertThat(r.cutShare()).isCloseTo(0.5, within(0.03));
        assertThat(r.status()).isEqualTo(Status.CONTESTED);
    }

    @Test
    void postBehindTheFrontIsOpenOrContestedByDistance() {
        Map<String, Geometry> areas = new LinkedHashMap<>();
        areas.put("opp", kmBox(-60, 60, -5, 60));
        areas.put("gov", kmBox(-60, 60, -60, -5));
        Result near = judge(areas, 15);
        assertThat(near.cutShare()).isCloseTo(OPEN_SIDE_SHARE, within(0.03));
        assertThat(judge(areas, 4).status()).isEqualTo(Status.OPEN);
        assertThat(judge(areas, 4).cutShare()).isZero();
    }

    @Test
    void narrowSliverOfOpposingGroundAlongTheWayDoesNotCutARay() {
        Map<String, Geometry> areas = new LinkedHashMap<>();
        Geometry sliver = kmBox(-60, 60, 5, 5.1); // 100 m strip across the whole north
        areas.put("opp", kmBox(-60, 60, -60, 60).difference(sliver));
        areas.put("gov", sliver);
        assertThat(judge(areas, 15).cutShare()).isZero();
    }

    private static Result judge(Map<String, Geometry> byParty, double radiusKm) {
        return Encirclement.assess(Encirclement.areas(byParty), LON, LAT, "opp", radiusKm, 72);
    }

    private static Geometry kmBox(double x0, double x1, double y0, double y1) {
        Geometry m = GF.toGeometry(new Envelope(x0 * 1000, x1 * 1000, y0 * 1000, y1 * 1000));
        return KM.toLonLat(m.buffer(0).getFactory().createPolygon(densify(m)));
    }

    private static Coordinate[] densify(Geometry box) {
        return org.locationtech.jts.densify.Densifier.densify(box, 2000).getCoordinates();
    }

    private static Geometry kmDisk(double r) {
        return KM.toLonLat(GF.createPoint(new Coordinate(0, 0)).buffer(r * 1000, 32));
    }
}
