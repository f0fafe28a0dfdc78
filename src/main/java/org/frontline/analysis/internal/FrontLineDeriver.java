package org.frontline.analysis.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.frontline.geo.GeodesicProjection;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.linemerge.LineMerger;

/**
 * The front between two parties: the stretch of party A's boundary that lies within {@code toleranceKm} of
 * party B's area. Working "within a tolerance" rather than on exactly shared edges is what makes this
 * robust for hand-drawn polygons, which leave small gaps (slivers of nobody's land) or small overlaps where
 * they meet. Computed in metres in an azimuthal equidistant plane centred on the two areas.
 */
public final class FrontLineDeriver {

    private static final GeometryFactory GF = new GeometryFactory();

    private FrontLineDeriver() {}

    /**
     * The front line between areas {@code a} and {@code b} (lon/lat polygons), as a MultiLineString in lon/lat,
     * empty when they do not meet within the tolerance. Pieces shorter than twice the tolerance are dropped:
     * those are where the two areas only touch at a corner.
     */
    public static MultiLineString derive(Geometry a, Geometry b, double toleranceKm) {
        if (!(toleranceKm > 0)) {
            throw new IllegalArgumentException("toleranceKm must be positive, got " + toleranceKm);
        }
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return GF.createMultiLineString();
        }
        Geometry both = a.getFactory().createGeometryCollection(new Geometry[] {a, b});
        GeodesicProjection proj = GeodesicProjection.centredOn(both);
        Geometry am = GeometryFixer.fix(proj.toMetres(a));
        Geometry bm = GeometryFixer.fix(proj.toMetres(b));
        double tol = toleranceKm * 1000;

        // only B's boundary near A matters: buffering B's whole area would cost more for the same answer
        Geometry near = bm.buffer(tol, new BufferParameters(8).getQuadrantSegments());
        Geometry onFront = am.getBoundary().intersection(near);

        LineMerger merger = new LineMerger();
        merger.add(onFront);
        List<LineString> kept = new ArrayList<>();
        for (Object o : (Collection<?>) merger.getMergedLineStrings()) {
            LineString ls = (LineString) o;
            if (ls.getLength() >= 2 * tol) {
                kept.add(ls);
            }
        }
        if (kept.isEmpty()) {
            return GF.createMultiLineString();
        }
        Geometry back = proj.toLonLat(GF.createMultiLineString(kept.toArray(LineString[]::new)));
        return (MultiLineString) back;
    }
}
