package org.frontline.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.frontline.analysis.internal.GeodesicBuffer.Side;
import org.frontline.geo.GeodesicMeasure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

class GeodesicBufferTest {

    private static final GeometryFactory GF = new GeometryFactory();

    @ParameterizedTest
    @ValueSource(doubles = {0, 35, 60})
    void tenKilometreBufferOfAPointHasTheAreaOfATenKilometreCircle(double lat) {
        Point p = GF.createPoint(new Coordinate(36.6, lat));
        Geometry zone = GeodesicBuffer.buffer(p, 10);
        assertThat(GeodesicMeasure.areaKm2(zone)).isCloseTo(Math.PI * 100, within(Math.PI * 100 * 0.005));
        for (Coordinate c : zone.getCoordinates()) { // a true geodesic circle, not a lon/lat ellipse
            assertThat(GeodesicMeasure.distanceKm(36.6, lat, c.x, c.y)).isCloseTo(10, within(0.01));
        }
    }

    @Test
    void sixKilometreCorridorAlongAHundredKilometreLineIsTwelveHundredSquareKilometresPlusEndCaps() {
        LineString road = geodesicLine(36.0, 35.5, 30, 100, 20);
        assertThat(GeodesicMeasure.lengthKm(road)).isCloseTo(100, within(0.1));
        double expected = 12 * 100 + Math.PI * 6 * 6;
        assertThat(GeodesicMeasure.areaKm2(GeodesicBuffer.buffer(road, 6)))
                .isCloseTo(expected, within(expected * 0.01));
    }

    @Test
    void oneSidedBufferLiesOnTheAskedSideOnly() {
        LineString road = geodesicLine(36.0, 35.5, 0, 100, 10); // heading north: left is west
        Geometry left = GeodesicBuffer.band(road, 0, 6, Side.LEFT);
        Geometry right = GeodesicBuffer.band(road, 0, 6, Side.RIGHT);
        assertThat(GeodesicMeasure.areaKm2(left)).isCloseTo(600, within(6.0));
        assertThat(GeodesicMeasure.areaKm2(right)).isCloseTo(600, within(6.0));
        Point west = offset(road, 270, 3);
        Point east = offset(road, 90, 3);
        assertThat(left.contains(west)).isTrue();
        assertThat(left.contains(east)).isFalse();
        assertThat(right.contains(east)).isTrue();
        assertThat(right.contains(west)).isFalse();
    }

    @Test
    void bandBetweenFifteenAndTwentyKilometresOnOneSide() {
        LineString contact = geodesicLine(36.5, 35.6, 45, 100, 10);
        Geometry sochi = GeodesicBuffer.band(contact, 15, 20, Side.RIGHT);
        assertThat(GeodesicMeasure.areaKm2(sochi)).isCloseTo(500, within(5.0));
        assertThat(sochi.contains(offset(contact, 135, 17.5))).isTrue();
        assertThat(sochi.contains(offset(contact, 135, 10))).isFalse();
        assertThat(sochi.contains(offset(contact, 135, 22))).isFalse();
    }

    @Test
    void ringAroundAPointAndBufferOfAPolygon() {
        Point p = GF.createPoint(new Coordinate(36.6, 35.9));
        double ring = GeodesicMeasure.areaKm2(GeodesicBuffer.band(p, 15, 20, Side.BOTH));
        double expected = Math.PI * (20 * 20 - 15 * 15);
        assertThat(ring).isCloseTo(expected, within(expected * 0.005));

        Geometry square = GeodesicBuffer.buffer(p, 5).getEnvelope(); // any polygon will do
        Geometry grown = GeodesicBuffer.buffer(square, 2);
        double a = GeodesicMeasure.areaKm2(square);
        double perimeter = GeodesicMeasure.lengthKm(square);
        double steiner = a + perimeter * 2 + Math.PI * 4; // area of a convex polygon's outer parallel body
        assertThat(GeodesicMeasure.areaKm2(grown)).isCloseTo(steiner, within(steiner * 0.01));
    }

    @Test
    void refusesWhatCannotBeBuffered() {
        Point p = GF.createPoint(new Coordinate(36.6, 35.9));
        assertThatThrownBy(() -> GeodesicBuffer.band(p, 0, 5, Side.LEFT)).hasMessageContaining("line");
        assertThatThrownBy(() -> GeodesicBuffer.band(p, 5, 5, Side.BOTH)).hasMessageContaining("innerKm");
        assertThatThrownBy(() -> GeodesicBuffer.buffer(GF.createPoint(), 5)).hasMessageContaining("empty");
    }

    @Test
    void aMultiPointOfTenThousandPointsIsBufferedPartByPartInSeconds() {
        java.util.Random rnd = new java.util.Random(15);
        Point[] pts = new Point[10_000];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = GF.createPoint(new Coordinate(36.1 + rnd.nextDouble(), 35.5 + rnd.nextDouble() * 0.9));
        }
        // before per-part buffering this took over 120 s and filled the heap (800 points: 25 s)
        Geometry zone = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(30), () -> GeodesicBuffer.buffer(GF.createMultiPoint(pts), 10));
        for (int i = 0; i < pts.length; i += 997) {
            assertThat(zone.covers(pts[i])).isTrue();
        }
        Point far = GF.createPoint(new Coordinate(35.5, 35.0)); // about 60 km south-west of every point
        assertThat(zone.intersects(far)).isFalse();
        // the union of 10 km circles spread over a ~90 x 100 km square covers about it plus a 10 km margin
        double square = GeodesicMeasure.areaKm2(GF.createMultiPoint(pts).getEnvelope());
        assertThat(GeodesicMeasure.areaKm2(zone)).isBetween(square, square + 4 * 100 * 10 + Math.PI * 100);
    }

    @Test
    void partsAreMergedSoTwoOverlappingCirclesCountTheirOverlapOnce() {
        Point a = GF.createPoint(new Coordinate(36.6, 35.9));
        GeodesicData east = Geodesic.WGS84.Direct(35.9, 36.6, 90, 10_000);
        Point b = GF.createPoint(new Coordinate(east.lon2, east.lat2));
        double one = GeodesicMeasure.areaKm2(GeodesicBuffer.buffer(a, 10));
        Geometry both = GeodesicBuffer.buffer(GF.createMultiPoint(new Point[] {a, b}), 10);
        // two circles of r = 10 km, d = 10 km apart overlap in a lens of 2r²·acos(d/2r) − (d/2)·√(4r² − d²)
        double lens = 2 * 100 * Math.acos(0.5) - 5 * Math.sqrt(400 - 100);
        assertThat(both.getNumGeometries()).isEqualTo(1);
        assertThat(GeodesicMeasure.areaKm2(both)).isCloseTo(2 * one - lens, within(one * 0.01));
    }

    @Test
    void globeSpanningAndAntimeridianBuffersAreRefusedNotWrong() {
        LineString acrossTheWorld =
                GF.createLineString(new Coordinate[] {new Coordinate(-170, 10), new Coordinate(170, 10)});
        assertThatThrownBy(() -> GeodesicBuffer.buffer(acrossTheWorld, 5)).hasMessageContaining("regional");
        Point nearDateLine = GF.createPoint(new Coordinate(179.95, -17));
        assertThatThrownBy(() -> GeodesicBuffer.buffer(nearDateLine, 20)).hasMessageContaining("antimeridian");
        // far from the antimeridian the same buffer is fine
        assertThat(GeodesicMeasure.areaKm2(GeodesicBuffer.buffer(GF.createPoint(new Coordinate(178, -17)), 20)))
                .isCloseTo(Math.PI * 400, within(Math.PI * 400 * 0.005));
    }

    /** A geodesic from (lon, lat) along azimuth for lengthKm, with a vertex every stepKm. */
    static LineString geodesicLine(double lon, double lat, double azimuth, double lengthKm, double stepKm) {
        List<Coordinate> cs = new ArrayList<>();
        for (double s = 0; s <= lengthKm + 1e-9; s += stepKm) {
            GeodesicData d = Geodesic.WGS84.Direct(lat, lon, azimuth, s * 1000);
            cs.add(new Coordinate(d.lon2, d.lat2));
        }
        return GF.createLineString(cs.toArray(Coordinate[]::new));
    }

    /** The point distKm from the line's middle vertex along an absolute azimuth. */
    static Point offset(LineString line, double azimuth, double distKm) {
        Coordinate mid = line.getCoordinateN(line.getNumPoints() / 2);
        GeodesicData d = Geodesic.WGS84.Direct(mid.y, mid.x, azimuth, distKm * 1000);
        return GF.createPoint(new Coordinate(d.lon2, d.lat2));
    }
}
