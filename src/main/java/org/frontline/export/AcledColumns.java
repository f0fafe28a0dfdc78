package org.frontline.export;

import java.util.List;
import java.util.Map;

/**
 * ACLED's export layout, in ACLED's column order, and how each column maps to an event's properties (the
 * one place both the CSV export and the ACLED import read). Columns not named here are derived from the
 * feature itself: event_id_cnty (feature id), event_date/year (valid from), time_precision and
 * geo_precision (codes 1–3), latitude/longitude (geometry), source (publisher), timestamp (record time).
 */
public final class AcledColumns {
    private AcledColumns() {}

    /** The 31 columns of an ACLED export, in order. */
    public static final List<String> COLUMNS = List.of(
            "event_id_cnty",
            "event_date",
            "year",
            "time_precision",
            "disorder_type",
            "event_type",
            "sub_event_type",
            "actor1",
            "assoc_actor_1",
            "inter1",
            "actor2",
            "assoc_actor_2",
            "inter2",
            "interaction",
            "civilian_targeting",
            "iso",
            "region",
            "country",
            "admin1",
            "admin2",
            "admin3",
            "location",
            "latitude",
            "longitude",
            "geo_precision",
            "source",
            "source_scale",
            "notes",
            "fatalities",
            "tags",
            "timestamp");

    /** Our columns after ACLED's in the events CSV. */
    public static final List<String> OURS = List.of("id", "valid_to", "confidence", "source_url", "recorded_at");

    /** ACLED column → event property, for the columns held as free properties. */
    public static final Map<String, String> PROPERTIES = Map.ofEntries(
            Map.entry("disorder_type", "disorderType"),
            Map.entry("event_type", "eventType"),
            Map.entry("sub_event_type", "subEventType"),
            Map.entry("actor1", "actor1"),
            Map.entry("assoc_actor_1", "assocActor1"),
            Map.entry("inter1", "inter1"),
            Map.entry("actor2", "actor2"),
            Map.entry("assoc_actor_2", "assocActor2"),
            Map.entry("inter2", "inter2"),
            Map.entry("interaction", "interaction"),
            Map.entry("civilian_targeting", "civilianTargeting"),
            Map.entry("iso", "iso"),
            Map.entry("region", "region"),
            Map.entry("country", "country"),
            Map.entry("admin1", "admin1"),
            Map.entry("admin2", "admin2"),
            Map.entry("admin3", "admin3"),
            Map.entry("location", "placeName"),
            Map.entry("source_scale", "sourceScale"),
            Map.entry("notes", "notes"),
            Map.entry("fatalities", "fatalities"),
            Map.entry("tags", "tags"));

    /** ACLED time_precision code for our time precision: 1 day, 2 week, 3 month (a season or year is coarser: 3). */
    public static int timePrecisionCode(String precision) {
        return switch (precision == null ? "day" : precision) {
            case "week" -> 2;
            case "month", "season", "year" -> 3;
            default -> 1;
        };
    }

    /** Our time precision for an ACLED code; null for a code ACLED does not use. */
    public static String timePrecision(String code) {
        return switch (code.strip()) {
            case "1" -> "day";
            case "2" -> "week";
            case "3" -> "month";
            default -> null;
        };
    }

    /** ACLED geo_precision code: 1 exact place, 2 near it / part of a region, 3 a larger region only. */
    public static int geoPrecisionCode(String precision) {
        return switch (precision == null ? "exact" : precision) {
            case "near" -> 2;
            case "admin" -> 3;
            default -> 1;
        };
    }

    public static String geoPrecision(String code) {
        return switch (code.strip()) {
            case "1" -> "exact";
            case "2" -> "near";
            case "3" -> "admin";
            default -> null;
        };
    }
}
