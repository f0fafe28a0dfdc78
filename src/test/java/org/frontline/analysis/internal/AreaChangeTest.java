package org.frontline.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontline.analysis.internal.AreaChange.PartyChange;
import org.frontline.analysis.internal.AreaChange.PlaceChange;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class AreaChangeTest {

    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void advanceOfOneSideIsItsGainAndTheOthersLoss() {
        Map<String, Geometry> before = parties(box(36.0, 36.2), box(36.2, 36.4));
        Map<String, Geometry> after = parties(box(36.0, 36.3), box(36.3, 36.4));
        List<PartyChange> change = AreaChange.between(before, after, 0);
        PartyChange gov = change.get(0);
        PartyChange opp = change.get(1);
        double strip = quadrangleKm2(0.1); // 36.2–36.3°E × 35.0–35.2°N
        assertThat(gov.party()).isEqualTo("government");
        assertThat(gov.gainedKm2()).isCloseTo(strip, within(strip * 0.001));
        assertThat(gov.lostKm2()).isZero();
        assertThat(opp.lostKm2()).isCloseTo(strip, within(strip * 0.001));
        assertThat(opp.gainedKm2()).isZero();
        assertThat(gov.gained().symDifference(box(36.2, 36.3)).getArea()).isLessThan(1e-12);
        assertThat(gov.gainedKm2()).isCloseTo(opp.lostKm2(), within(1e-9)); // conservation
    }

    @Test
    void conservationHoldsForIrregularChangesBetweenTwoParties() {
        Geometry whole = box(36.0, 36.4);
        Geometry bite =
                GF.createPolygon(GF.getCoordinateSequenceFactory().create(new org.locationtech.jts.geom.Coordinate[] {
                    new org.locationtech.jts.geom.Coordinate(36.15, 35.02),
                            new org.locationtech.jts.geom.Coordinate(36.33, 35.05),
                    new org.locationtech.jts.geom.Coordinate(36.27, 35.18),
                            new org.locationtech.jts.geom.Coordinate(36.12, 35.11),
                    new org.locationtech.jts.geom.Coordinate(36.15, 35.02)
                }));
        Geometry govBefore = box(36.0, 36.2);
        Geometry govAfter = govBefore.symDifference(bite); // takes some, gives some back
        List<PartyChange> change = AreaChange.between(
                parties(govBefore, whole.difference(govBefore)), parties(govAfter, whole.difference(govAfter)), 0);
        PartyChange gov = change.get(0);
        PartyChange opp = change.get(1);
        assertThat(gov.gainedKm2()).isGreaterThan(10).isCloseTo(opp.lostKm2(), within(gov.gainedKm2() * 1e-9));
        assertThat(gov.lostKm2()).isGreaterThan(10).isCloseTo(opp.gainedKm2(), within(gov.lostKm2() * 1e-9));
        assertThat(gov.netKm2()).isCloseTo(-opp.netKm2(), within(1e-6));
    }

    @Test
    void smallPiecesCanBeIgnoredAndPlacesThatChangedHandsAreListed() {
        Map<String, Geometry> before = parties(box(36.0, 36.2), box(36.2, 36.4));
        Map<String, Geometry> after = parties(box(36.0, 36.3), box(36.3, 36.4));
        assertThat(AreaChange.between(before, after, 1e6).get(0).gainedKm2()).isZero();

        NamedPlace taken = new NamedPlace("Taken", 36.25, 35.1, 1000);
        NamedPlace kept = new NamedPlace("Kept", 36.35, 35.1, 1000);
        NamedPlace behind = new NamedPlace("Behind", 36.1, 35.1, 1000);
        List<PlaceChange> changed = AreaChange.placesChangedHands(
                new ControlAreas(before), new ControlAreas(after), List.of(taken, kept, behind));
        assertThat(changed).containsExactly(new PlaceChange(taken, "opposition", "government"));
    }

    private static Map<String, Geometry> parties(Geometry gov, Geometry opp) {
        Map<String, Geometry> m = new LinkedHashMap<>();
        m.put("government", gov);
        m.put("opposition", opp);
        return m;
    }

    private static Geometry box(double lon0, double lon1) {
        return GF.toGeometry(new Envelope(lon0, lon1, 35.0, 35.2));
    }

    private static double quadrangleKm2(double dLon) {
        return org.frontline.geo.GeodesicMeasureTest.quadrangleKm2(35.0, 35.2, dLon);
    }
}
