package org.frontline.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * The map's event query at size: /api/layers/events/density for the windows "month" and "all" at zoom 8 and 12,
 * with the box the map page asks for a 1280 × 776 map (the view padded by half each way, snapped to 8 cells),
 * at random dates and places over the generated area; latency (median, p95) and gzip bytes per answer. Also the
 * bytes on the wire of the one-week slider window (~2,000 features) with and without gzip. Run from StoreBench.
 */
final class DensityBench {
    static final int RUNS = Integer.getInteger("densityRuns", 30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DensityBench() {}

    static void run(int port, int events) throws Exception {
        wireBytes(port);
        for (int zoom : new int[] {8, 12}) {
            for (String window : new String[] {"month", "all"}) {
                Random rnd = new Random(7);
                double[] ms = new double[RUNS];
                double[] oneByOne = new double[RUNS];
                double[] bytes = new double[RUNS];
                // the same answer counted event by event (a record time never reads the daily cell table)
                String asOf = java.time.Instant.now().toString();
                long cellsAnswers = 0;
                for (int i = -5; i < RUNS; i++) {
                    LocalDate day = LocalDate.of(2018, 7, 1).plusDays(rnd.nextInt(700));
                    LocalDate from = window.equals("month") ? day.minusMonths(1).plusDays(1) : LocalDate.of(2018, 6, 1);
                    double lon = StoreBench.MIN_LON
                            + 0.3
                            + rnd.nextDouble() * (StoreBench.MAX_LON - StoreBench.MIN_LON - 0.6);
                    double lat = StoreBench.MIN_LAT
                            + 0.3
                            + rnd.nextDouble() * (StoreBench.MAX_LAT - StoreBench.MIN_LAT - 0.6);
                    String path = "/api/layers/events/density?from=" + from + "&to=" + day + "&zoom=" + zoom + "&bbox="
                            + clientBox(lon, lat, zoom);
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r = get(port, path, true);
                    long t1 = System.nanoTime();
                    HttpResponse<byte[]> baseline = get(port, path + "&asOf=" + asOf, true);
                    long t2 = System.nanoTime();
                    if (r.statusCode() != 200 || baseline.statusCode() != 200) {
                        throw new IllegalStateException(path + ": " + new String(r.body()));
                    }
                    if (i >= 0) {
                        ms[i] = (t1 - t0) / 1e6;
                        oneByOne[i] = (t2 - t1) / 1e6;
                        bytes[i] = r.body().length;
                        if (gunzip(r.body()).startsWith("{\"type\":\"FeatureCollection\",\"aggregated\"")) {
                            cellsAnswers++;
                        }
                    }
                }
                System.out.printf(
                        Locale.ROOT,
                        "density %,9d events  zoom %2d  window %-5s  %s;  gzip bytes median %,.0f"
                                + " (max %,.0f); answered as cells %d of %d;  event by event (asOf) median %.1f ms,"
                                + " ratio %.2f%n",
                        events,
                        zoom,
                        window,
                        new Stats(ms),
                        new Stats(bytes).median(),
                        new Stats(bytes).percentile(100),
                        cellsAnswers,
                        RUNS,
                        new Stats(oneByOne).median(),
                        new Stats(ms).median() / new Stats(oneByOne).median());
            }
        }
    }

    /** The slider's one-week window in a ~1° box (StoreBench's query), as sent with and without gzip. */
    static void wireBytes(int port) throws Exception {
        String path = "/api/layers/events/features?from=2019-06-03&to=2019-06-09&bbox=36.3,35.3,37.35,36.25";
        HttpResponse<byte[]> plain = get(port, path, false);
        HttpResponse<byte[]> gz = get(port, path, true);
        String text = gunzip(gz.body());
        System.out.printf(
                Locale.ROOT,
                "wire: one-week window, %,d features: %,d bytes plain, %,d bytes gzip (%.1f%%)%n",
                StoreBench.count(text),
                plain.body().length,
                gz.body().length,
                100.0 * gz.body().length / plain.body().length);
    }

    /** The box map.js asks (api.js densityBbox) for a 1280 × 776 map centred at (lon, lat). */
    static String clientBox(double lon, double lat, int zoom) {
        double lonSpan = 1280.0 / (256 * Math.pow(2, zoom)) * 360;
        double latSpan = lonSpan * 776 / 1280 * Math.cos(Math.toRadians(lat));
        double step = 360 / Math.pow(2, zoom) / 4 * 8;
        double w = Math.floor((lon - lonSpan + 180) / step) * step - 180;
        double e = Math.ceil((lon + lonSpan + 180) / step) * step - 180;
        double s = Math.floor((lat - latSpan + 90) / step) * step - 90;
        double n = Math.ceil((lat + latSpan + 90) / step) * step - 90;
        return String.format(Locale.ROOT, "%.7f,%.7f,%.7f,%.7f", w, s, e, n);
    }

    static HttpResponse<byte[]> get(int port, String path, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (gzip) {
            b.header("Accept-Encoding", "gzip");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String gunzip(byte[] body) throws IOException {
        if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
