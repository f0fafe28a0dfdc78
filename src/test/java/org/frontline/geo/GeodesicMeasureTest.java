package org.frontline.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Known answers for geodesic distances and areas on WGS84 (independent of GeographicLib's own code). */
public class GeodesicMeasureTest {

    private static final double A = 6378137.0;
    private static final double F = 1 / 298.257223563;
    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void oneDegreeAlongTheEquatorIsTheSemiMajorAxisArc() {
        double expected = A * Math.PI / 180 / 1000; // 111.3195 km
        assertThat(GeodesicMeasure.distanceKm(10, 0, 11, 0)).isCloseTo(expected, within(expected * 0.001));
    }

    @Test
    void oneDegreeOfMeridianAtTheEquatorAndNearThePole() {
        // textbook values of the WGS84 meridian degree: 110.574 km at 0–1°, 111.694 km at 89–90°
        assertThat(GeodesicMeasure.distanceKm(36, 0, 36, 1)).isCloseTo(110.574, within(110.574 * 0.001));
        assertThat(GeodesicMeasure.distanceKm(36, 89, 36, 90)).isCloseTo(111.694, within(111.694 * 0.001));
    }

    @Test
    void areaOfSmallLatLonCellsMatchesTheClosedFormOfTheEllipsoid() {
        for (double lat : new double[] {0, 35, 60}) {
            Polygon cell = (Polygon) GF.toGeometry(new Envelope(36.0, 36.2, lat, lat + 0.2));
            double expected = quadrangleKm2(lat, lat + 0.2, 0.2);
            assertThat(GeodesicMeasure.areaKm2(cell))
                    .as("cell at %s°", lat)
                    .isCloseTo(expected, within(expected * 0.001));
        }
    }

    @Test
    void holesAreSubtractedAndLengthsAddUp() {
        Polygon outer = (Polygon) GF.toGeometry(new Envelope(0, 0.2, 0, 0.2));
        Polygon hole = (Polygon) GF.toGeometry(new Envelope(0.05, 0.15, 0.05, 0.15));
        var ring = outer.difference(hole);
        assertThat(GeodesicMeasure.areaKm2(ring))
                .isCloseTo(GeodesicMeasure.areaKm2(outer) - GeodesicMeasure.areaKm2(hole), within(1e-6));
        var line = GF.createLineString(
                new Coordinate[] {new Coordinate(10, 0), new Coordinate(10.5, 0), new Coordinate(11, 0)});
        assertThat(GeodesicMeasure.lengthKm(line)).isCloseTo(A * Math.PI / 180 / 1000, within(0.01));
    }

    /** Area between two parallels over dLon degrees on the ellipsoid (authalic q function). */
    public static double quadrangleKm2(double lat1, double lat2, double dLonDeg) {
        double e2 = F * (2 - F);
        double b = A * (1 - F);
        return b * b * Math.toRadians(dLonDeg) / 2 * (q(lat2, e2) - q(lat1, e2)) / 1e6;
    }

    private static double q(double latDeg, double e2) {
        double s = Math.sin(Math.toRadians(latDeg));
        double e = Math.sqrt(e2);
        return s / (1 - e2 * s * s) + Math.log((1 + e * s) / (1 - e * s)) / (2 * e);
    }
}
