package org.frontline.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every {@code frontline.*} setting, typed and checked at start-up: a bad value stops the application with a
 * message naming the key. The defaults live in one place, {@code application.properties}; the README's settings
 * table lists the same keys (SettingsDocumentationTest keeps the two in step). Values are bound as plain text:
 * no expression in a setting is ever evaluated.
 */
@ConfigurationProperties("frontline")
@Validated
public record FrontlineSettings(
        @NotNull @Valid Upload upload,
        @NotNull @Valid Security security,
        @NotNull @Valid Demo demo,

        @NotNull @Pattern(regexp = BOX, message = "must be minLon,minLat,maxLon,maxLat (4 numbers)")
        String focusRegion,

        @NotNull @Valid Analysis analysis,
        @NotNull @Valid MapPage map,
        @NotNull @Valid GazetteerFiles gazetteer,
        @NotNull @Valid Reports reports,
        @NotNull @Valid Cors cors,
        @NotNull @Valid Imports imports,
        @NotNull @Valid Replica replica,
        @NotNull Duration requestBudget,
        @NotNull Duration exportBudget) {

    private static final String NUMBER = "\\s*-?\\d+(\\.\\d+)?\\s*";
    static final String BOX = NUMBER + "," + NUMBER + "," + NUMBER + "," + NUMBER;
    static final String LAT_LON = NUMBER + "," + NUMBER;
    static final String COUNTRY = "[A-Z]{2}";

    public FrontlineSettings {
        positive("frontline.request-budget", requestBudget, "30s");
        positive("frontline.export-budget", exportBudget, "10m");
        if (focusRegion != null && focusRegion.matches(BOX)) {
            double[] v = numbers(focusRegion);
            if (v[0] > v[2] || v[1] > v[3] || v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
                throw new IllegalArgumentException("frontline.focus-region must be minLon,minLat,maxLon,maxLat with "
                        + "min <= max inside [-180, -90, 180, 90], got '" + focusRegion + "'");
            }
        }
    }

    private static void positive(String key, Duration value, String example) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(
                    key + " must be a positive duration (e.g. " + example + "), got " + value);
        }
    }

    /** The focus region as [minLon, minLat, maxLon, maxLat]. */
    public double[] focusBox() {
        return numbers(focusRegion);
    }

    private static double[] numbers(String csv) {
        String[] parts = csv.split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Double.parseDouble(parts[i].strip());
        }
        return v;
    }

    /** Request bodies and uploads. */
    public record Upload(@Positive long maxBytes) {}

    /** Anonymous reading (embedded demo only) and the first admin's password (empty: one is generated). */
    public record Security(boolean anonymousRead, @NotNull String adminPassword) {}

    /** Whether the Idlib demo scenario is loaded into an empty store at start. */
    public record Demo(boolean load) {}

    /** Front-line tolerance and the layers the analyses read and write. */
    public record Analysis(
            @Positive double frontToleranceKm,
            @NotBlank String demoControlLayer,
            @NotBlank String demoFrontlineLayer,
            @NotBlank String postsLayer) {}

    /** The map page: basemap tiles (empty URL: the offline vector basemap) and the default view. */
    public record MapPage(
            @NotNull @Valid Tiles tiles,

            @NotNull @Pattern(regexp = LAT_LON, message = "must be lat,lon (2 numbers)")
            String center,

            @Min(0) @Max(19) int zoom,
            @Positive int maxEvents,
            @Positive int exactCountLimit) {}

    public record Tiles(
            @NotNull
            @Pattern(
                    regexp = "|https?://\\S+|data:image/\\S+",
                    message = "must be empty, an http(s) URL or a data:image URL")
            String url,

            @NotNull String attribution) {}

    /** Folder of extra GeoNames dumps loaded at start; uploads land here (empty: none). */
    public record GazetteerFiles(
            @NotNull String dir, @Positive long maxBytes) {}

    /** Origins allowed to call /api and /ogc from their pages (comma-separated; empty: no cross-origin access). */
    public record Cors(@NotNull String allowedOrigins) {}

    /** Largest file an import takes (streamed to a temporary file). */
    public record Imports(@Positive long maxBytes) {}

    /**
     * How long a session's reads after its own write wait for the streaming replica before reading the primary
     * (the replica itself is {@code frontline.replica.url}, unset by default: docs/scaling.md).
     */
    public record Replica(@Min(0) long maxWaitMs) {}

    /** The country whose places win ambiguous names, its neighbours, and the layer accepted events go to. */
    public record Reports(
            @NotNull @Pattern(regexp = COUNTRY, message = "must be an ISO 3166 country code")
            String focusCountry,

            @NotNull List<@Pattern(regexp = COUNTRY, message = "must be ISO 3166 country codes") String> neighbours,
            @NotBlank String eventsLayer) {}
}
