package org.frontline.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.frontline.analysis.internal.Encirclement.Result;
import org.frontline.analysis.internal.Encirclement.Status;
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
    void postOverrunByTheOtherSideIsSurroundedWhateverTheRadius() {
        Map<String, Geometry> areas = new LinkedHashMap<>();
        areas.put("gov", kmBox(-60, 60, -60, 20));
        areas.put("opp", kmBox(-60, 60, 20, 60)); // friendly lines 20 km north
        assertThat(judge(areas, 15).status()).isEqualTo(Status.SURROUNDED);
        Result wide = judge(areas, 30);
        assertThat(wide.heldBy()).isEqualTo("gov");
        assertThat(wide.cutShare()).isEqualTo(1.0);
    }

    @Test
    void postInAFriendlyCorridorIsOpenOnlyAlongIt() {
        Map<String, Geometry> areas = new LinkedHashMap<>();
        Geometry corridor = kmBox(-6, 6, -3, 60); // 12 km wide, running north; the post 3 km from its end
        areas.put("opp", corridor);
        areas.put("gov", kmBox(-60, 60, -60, 60).difference(corridor));
        Result r = judge(areas, 15);
        double open = 2 * Math.asin(6.0 / 15) / (2 * Math.PI); // rays that stay inside the corridor to R
        assertThat(r.cutShare()).isCloseTo(1 - open, within(0.03));
        assertThat(r.status()).isEqualTo(Status.CONTESTED);
    }

    @Test
    void gapOfNobodysGroundBeforeFriendlyGroundLeavesABearingOpen() {
        Map<String, Geometry> areas = new LinkedHashMap<>();
        Geometry home = kmDisk(3);
        areas.put("opp", home.union(kmBox(-60, 60, -60, 60).difference(kmDisk(5)))); // a ring of nobody's land
        areas.put("gov", kmBox(50, 60, 50, 60)); // far away
        assertThat(judge(areas, 15).cutShare()).isZero();
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
    void postBehindTheFrontIsOpenOnTheFriendlySideAndContestedWithinReach() {
        Map<String, Geometry> areas = new LinkedHashMap<>();
        areas.put("opp", kmBox(-60, 60, -5, 60));
        areas.put("gov", kmBox(-60, 60, -60, -5));
        Result near = judge(areas, 15);
        assertThat(near.cutShare()).isCloseTo(OPEN_SIDE_SHARE, within(0.03));
        assertThat(judge(areas, 4).status()).isEqualTo(Status.OPEN);
        assertThat(judge(areas, 4).cutShare()).isZero();
    }

    @Test
    void stripNarrowerThanTheMinimumRunDoesNotCutARay() {
        Map<String, Geometry> areas = new LinkedHashMap<>();
        Geometry strip = kmBox(-60, 60, 5, 5.05); // 50 m: crossed within 200 m by every ray that reaches it in R
        areas.put("opp", kmBox(-60, 60, -60, 60).difference(strip));
        areas.put("gov", strip);
        assertThat(judge(areas, 15).cutShare()).isZero();
    }

    @Test
    void gapOrOverlapBetweenHandDrawnPolygonsDoesNotChangeTheAnswer() {
        Map<String, Geometry> gap = new LinkedHashMap<>();
        gap.put("opp", kmBox(-60, 60, -5, 60));
        gap.put("gov", kmBox(-60, 60, -60, -5.1));
        Map<String, Geometry> overlap = new LinkedHashMap<>();
        overlap.put("opp", kmBox(-60, 60, -5.15, 60));
        overlap.put("gov", kmBox(-60, 60, -60, -5));
        assertThat(judge(gap, 15).cutShare()).isCloseTo(OPEN_SIDE_SHARE, within(0.03));
        assertThat(judge(overlap, 15).cutShare()).isCloseTo(OPEN_SIDE_SHARE, within(0.03));
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
