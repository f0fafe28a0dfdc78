package org.frontline.layers;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.frontline.web.BadInputException;
import org.frontline.web.TimeParam;
import org.locationtech.jts.geom.Envelope;

/**
 * Reads the time and space parameters shared by the feature and export endpoints:
 * {@code at} (valid at an instant) or {@code from}/{@code to} (validity overlapping the range; a plain date
 * as {@code to} means through that day), {@code asOf} (record time; a plain date means the end of that
 * day) and {@code bbox=minLon,minLat,maxLon,maxLat}. With no time given: event layers answer all their
 * events, other layers their state now.
 */
public final class QueryParams {
    private QueryParams() {}

    public static FeatureQuery parse(Layer layer, String at, String from, String to, String bbox, String asOf) {
        FeatureQuery q;
        if (at != null && (from != null || to != null)) {
            throw new BadInputException("give either 'at' or 'from'/'to', not both");
        }
        if (at != null) {
            q = FeatureQuery.at(layer.id(), TimeParam.parse(at, "at"));
        } else if (from != null || to != null) {
            TimeParam.Window w = TimeParam.window(from, to);
            q = FeatureQuery.between(layer.id(), w.from(), w.to());
        } else if (layer.kind() == LayerKind.EVENT) {
            q = FeatureQuery.between(layer.id(), TimeParam.EARLIEST, TimeParam.LATEST);
        } else {
            q = FeatureQuery.at(layer.id(), Instant.now());
        }
        if (bbox != null) {
            q = q.inside(bbox(bbox));
        }
        if (asOf != null) {
            Instant recordTime = TimeParam.parse(asOf, "asOf");
            if (TimeParam.isDate(asOf)) {
                recordTime = recordTime.plus(1, ChronoUnit.DAYS).minus(1, ChronoUnit.MICROS);
            }
            q = q.asOf(recordTime);
        }
        return q;
    }

    public static Envelope bbox(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new BadInputException("bbox must be minLon,minLat,maxLon,maxLat (4 numbers), got '" + text + "'");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new BadInputException("bbox value " + (i + 1) + " is not a number: '" + parts[i] + "'");
            }
            if (!Double.isFinite(v[i])) {
                throw new BadInputException("bbox value " + (i + 1) + " is not finite");
            }
        }
        if (v[0] > v[2] || v[1] > v[3]) {
            throw new BadInputException("bbox min must not exceed max: got minLon " + v[0] + ", maxLon " + v[2]
                    + ", minLat " + v[1] + ", maxLat " + v[3]);
        }
        if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
            throw new BadInputException("bbox is outside [-180, -90, 180, 90]: '" + text + "'");
        }
        return new Envelope(v[0], v[2], v[1], v[3]);
    }
}
