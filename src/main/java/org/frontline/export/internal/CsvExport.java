package org.frontline.export.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.frontline.export.AcledColumns;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.LayerService;
import org.frontline.layers.StoredFeature;
import org.frontline.web.CsvWriter;
import org.frontline.web.TimeParam;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTWriter;

/**
 * A layer as RFC 4180 CSV (comma, double quotes, CRLF), UTF-8, optionally with a byte-order mark for
 * spreadsheets ({@link CsvWriter}: formulas defused). Events use ACLED's 31 columns in ACLED's order followed by
 * ours; other layers their geometry as WKT and the {@link FeatureTable} columns.
 */
final class CsvExport {
    private CsvExport() {}

    static void write(LayerService store, FeatureTable table, FeatureQuery query, boolean bom, OutputStream out)
            throws IOException {
        CsvWriter w = new CsvWriter(out, bom);
        List<String> header = new ArrayList<>();
        if (table.events()) {
            header.addAll(AcledColumns.COLUMNS);
            header.addAll(AcledColumns.OURS);
        } else {
            header.add("id");
            header.add("wkt");
            table.columns().stream().skip(1).forEach(c -> header.add(c.name()));
        }
        w.row(header);
        WKTWriter wkt = new WKTWriter(2);
        store.stream(query, f -> {
            try {
                if (table.events()) {
                    w.row(acled(f));
                } else {
                    List<Object> values = table.values(f);
                    values.add(1, wkt.write(f.geometry()));
                    w.row(values);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        w.flush();
    }

    /** An event in ACLED's layout, then id, valid_to, confidence, source_url, recorded_at. */
    static List<Object> acled(StoredFeature f) {
        Map<String, Object> p = f.properties();
        Point at = f.geometry() instanceof Point pt ? pt : f.geometry().getInteriorPoint();
        Coordinate c = at.getCoordinate();
        var day = f.validFrom().atOffset(ZoneOffset.UTC).toLocalDate();
        List<Object> row = new ArrayList<>(36);
        for (String col : AcledColumns.COLUMNS) {
            row.add(
                    switch (col) {
                        case "event_id_cnty" -> f.featureId();
                        case "event_date" -> day.toString();
                        case "year" -> (long) day.getYear();
                        case "time_precision" ->
                            (long) AcledColumns.timePrecisionCode(f.provenance().timePrecision());
                        case "latitude" -> coordinate(c.y);
                        case "longitude" -> coordinate(c.x);
                        case "geo_precision" ->
                            (long) AcledColumns.geoPrecisionCode(f.provenance().geoPrecision());
                        case "source" -> f.provenance().publisher();
                        case "timestamp" -> f.recordedAt().getEpochSecond();
                        default -> p.get(AcledColumns.PROPERTIES.get(col));
                    });
        }
        row.add(f.featureId());
        row.add(TimeParam.format(f.validTo()));
        row.add(f.provenance().confidence());
        row.add(f.provenance().url());
        row.add(f.recordedAt().toString());
        return row;
    }

    /** A coordinate without float noise: at most 7 decimals (about 1 cm). */
    static BigDecimal coordinate(double v) {
        return BigDecimal.valueOf(v).setScale(7, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
