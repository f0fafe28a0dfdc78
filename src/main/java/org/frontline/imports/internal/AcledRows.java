package org.frontline.imports.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.frontline.export.AcledColumns;
import org.frontline.geo.GeoJsonGeometryReader;
import org.frontline.layers.NewFeature;
import org.frontline.layers.Provenance;
import org.frontline.web.TimeParam;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * ACLED CSV rows to events: event_id_cnty is the feature id (so a newer export corrects what an older one
 * stored), event_date in either style ACLED has used ("16 May 2025" or "2025-05-16"), the precision codes
 * 1–3 mapped to ours, latitude/longitude checked for range and for being swapped.
 */
final class AcledRows {
    static final List<String> REQUIRED = List.of("event_id_cnty", "event_date", "event_type", "latitude", "longitude");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d-MMM-uuuu", Locale.ENGLISH));

    private final Map<String, Integer> index = new HashMap<>();
    private final Envelope focus;

    /** Checks the header: required columns present, commas as delimiters. */
    AcledRows(List<String> header, Envelope focus) {
        this.focus = focus;
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        if (header.size() == 1) {
            String h = header.get(0);
            for (String d : List.of(";", "\t", "|")) {
                if (h.contains(d)) {
                    throw new ImportException("line 1: the columns are separated by '" + (d.equals("\t") ? "TAB" : d)
                            + "', but an ACLED CSV uses commas; export it again as comma-separated CSV");
                }
            }
        }
        List<String> missing =
                REQUIRED.stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new ImportException(
                    "line 1: the header lacks the required ACLED column" + (missing.size() > 1 ? "s " : " ")
                            + String.join(", ", missing) + " (found: " + String.join(", ", header) + ")");
        }
        this.columns = header.size();
    }

    private final int columns;

    String id(List<String> row) {
        return get(row, "event_id_cnty");
    }

    /** The event of one data row, or the reasons it cannot be one (added to {@code problems}). */
    NewFeature toFeature(List<String> row, long line, List<ImportException.RowError> problems) {
        int before = problems.size();
        if (row.size() != columns) {
            problems.add(
                    new ImportException.RowError(line, "has " + row.size() + " fields, the header has " + columns));
            return null;
        }
        String id = id(row);
        if (id.isBlank() || id.length() > 100) {
            problems.add(new ImportException.RowError(line, "event_id_cnty must be 1 to 100 characters"));
        }
        LocalDate day = date(get(row, "event_date"), line, problems);
        Double lat = number(get(row, "latitude"), "latitude", line, problems);
        Double lon = number(get(row, "longitude"), "longitude", line, problems);
        if (lat != null && lon != null) {
            if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
                problems.add(new ImportException.RowError(
                        line,
                        "latitude " + lat + " / longitude " + lon
                                + " is out of range (latitude −90…90, longitude −180…180)"));
            } else if (!focus.contains(lon, lat) && focus.contains(lat, lon)) {
                problems.add(new ImportException.RowError(
                        line,
                        "latitude " + lat + " and longitude " + lon
                                + " look swapped (swapped, the place falls inside the focus region)"));
            }
        }
        String timePrecision = code(get(row, "time_precision"), "time_precision", true, line, problems);
        String geoPrecision = code(get(row, "geo_precision"), "geo_precision", false, line, problems);
        Map<String, Object> props = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : AcledColumns.PROPERTIES.entrySet()) {
            String v = get(row, e.getKey());
            if (v == null || v.isEmpty()) {
                continue;
            }
            if (e.getKey().equals("fatalities")) {
                try {
                    int n = Integer.parseInt(v.strip());
                    if (n < 0) {
                        throw new NumberFormatException();
                    }
                    props.put(e.getValue(), n);
                } catch (NumberFormatException ex) {
                    problems.add(
                            new ImportException.RowError(line, "fatalities is not a whole number ≥ 0: '" + v + "'"));
                }
            } else {
                props.put(e.getValue(), v);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        String publisher = get(row, "source");
        publisher = publisher == null || publisher.isBlank() ? "ACLED" : publisher;
        if (publisher.length() > 300) {
            publisher = publisher.substring(0, 299) + "…";
        }
        return new NewFeature(
                id.strip(),
                GeoJsonGeometryReader.WGS84.createPoint(new Coordinate(lon, lat)),
                props,
                from,
                TimeParam.endOfPeriod(from, timePrecision),
                new Provenance(publisher, null, null, "medium", geoPrecision, timePrecision));
    }

    private String get(List<String> row, String column) {
        Integer i = index.get(column);
        return i == null || i >= row.size() ? null : row.get(i);
    }

    private static LocalDate date(String v, long line, List<ImportException.RowError> problems) {
        String s = v == null ? "" : v.strip();
        for (DateTimeFormatter f : DATES) {
            try {
                LocalDate d = LocalDate.parse(s, f);
                if (d.getYear() < 1900 || d.getYear() > 2999) {
                    break;
                }
                return d;
            } catch (DateTimeParseException e) {
                // try the next style
            }
        }
        problems.add(new ImportException.RowError(
                line, "event_date '" + s + "' is not a date like 16 May 2025 or 2025-05-16"));
        return null;
    }

    private static Double number(String v, String name, long line, List<ImportException.RowError> problems) {
        try {
            double d = Double.parseDouble(v.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        problems.add(new ImportException.RowError(line, name + " is not a number: '" + v + "'"));
        return null;
    }

    private static String code(
            String v, String name, boolean time, long line, List<ImportException.RowError> problems) {
        if (v == null || v.isBlank()) {
            return time ? "day" : "exact";
        }
        String ours = time ? AcledColumns.timePrecision(v) : AcledColumns.geoPrecision(v);
        if (ours == null) {
            problems.add(new ImportException.RowError(line, name + " must be 1, 2 or 3, got '" + v + "'"));
        }
        return ours;
    }
}
