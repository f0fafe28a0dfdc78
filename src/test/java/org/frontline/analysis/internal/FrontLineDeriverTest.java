package org.frontline.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.frontline.geo.GeodesicMeasure;
import org.frontline.geo.GeodesicProjection;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;

/** Synthetic control areas near Idlib (36.6°E, 35.5°N) with a known shared edge. */
class FrontLineDeriverTest {

    private static final GeometryFactory GF = new GeometryFactory();
    /** The known front: the meridian 36.7°E from 35.5°N to 35.7°N (about 22 km). */
    private static final LineString SHARED =
            GF.createLineString(new Coordinate[] {new Coordinate(36.7, 35.5), new Coordinate(36.7, 35.7)});

    @Test
    void exactlySharedEdgeIsTheFront() {
        Geometry west = box(36.5, 36.7, 35.4, 35.7); // west also reaches further south: that edge is no front
        Geometry east = box(36.7, 36.9, 35.5, 35.8);
        assertFront(FrontLineDeriver.derive(west, east, 0.5), 0.5);
    }

    @Test
    void gapOfAFewHundredMetresIsBridgedByTheTolerance() {
        Geometry west = box(36.5, 36.7, 35.4, 35.7);
        Geometry east = box(36.703, 36.9, 35.5, 35.8); // ~270 m of nobody's land between them
        assertFront(FrontLineDeriver.derive(west, east, 0.5), 0.5);
        assertThat(FrontLineDeriver.derive(west, east, 0.1).isEmpty())
                .as("gap wider than tolerance")
                .isTrue();
    }

    @Test
    void overlappingSliverAndJaggedEdgeStillGiveOneLine() {
        Geometry west = GF.createPolygon(new Coordinate[] {
            new Coordinate(36.5, 35.4), new Coordinate(36.7, 35.4), new Coordinate(36.7, 35.55),
            new Coordinate(36.702, 35.6), new Coordinate(36.699, 35.65), new Coordinate(36.7, 35.7),
            new Coordinate(36.5, 35.7), new Coordinate(36.5, 35.4)
        });
        Geometry east = box(36.698, 36.9, 35.5, 35.8); // overlaps west by ~180 m
        MultiLineString front = FrontLineDeriver.derive(west, east, 0.5);
        assertThat(front.getNumGeometries()).isEqualTo(1);
        assertFront(front, 0.5);
    }

    @Test
    void areasTouchingOnlyAtACornerOrFarApartHaveNoFront() {
        assertThat(FrontLineDeriver.derive(box(36.5, 36.7, 35.5, 35.7), box(36.7, 36.9, 35.7, 35.9), 0.5)
                        .isEmpty())
                .isTrue();
        assertThat(FrontLineDeriver.derive(box(36.5, 36.6, 35.5, 35.7), box(36.8, 36.9, 35.5, 35.7), 0.5)
                        .isEmpty())
                .isTrue();
    }

    private static void assertFront(MultiLineString front, double toleranceKm) {
        assertThat(front.isEmpty()).isFalse();
        double expected = GeodesicMeasure.lengthKm(SHARED);
        // the line may run on past each end of the true front by the tolerance plus any overlap (≤ 200 m here)
        assertThat(GeodesicMeasure.lengthKm(front)).isCloseTo(expected, within(2 * (toleranceKm + 0.2)));
        GeodesicProjection proj = new GeodesicProjection(36.7, 35.6);
        double hausdorffKm = DiscreteHausdorffDistance.distance(proj.toMetres(front), proj.toMetres(SHARED)) / 1000;
        assertThat(hausdorffKm).as("km from the true front").isLessThan(toleranceKm + 0.2);
    }

    private static Geometry box(double x0, double x1, double y0, double y1) {
        return GF.toGeometry(new Envelope(x0, x1, y0, y1));
    }
}
