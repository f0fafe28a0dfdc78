package org.frontline.briefings.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.LayerService;
import org.frontline.layers.StoredFeature;
import org.frontline.style.LayerStyle;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PDF handout as a reader gets it: rendered to pixels by poppler's pdftoppm and read by pdftotext (Debian
 * poppler-utils), not by the library that wrote it. Without poppler the test is skipped loudly; with CI=true it fails.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:sqlite:target/test-db/pdfhandout-${random.uuid}.db",
            "frontline.demo.load=true"
        })
class PdfHandoutTest {
    private static final Path OUT = Path.of("target", "pdf");
    private static final GeometryFactory GF = new GeometryFactory();
    private static final LocalDate DAY = LocalDate.parse("2019-08-23");
    /** minLon, minLat, maxLon, maxLat: the coast, Idlib and the Turkish border. */
    private static final List<Double> BBOX = List.of(35.4, 35.0, 37.9, 37.0);

    @Autowired
    PdfExport pdf;

    @Autowired
    HtmlExport html;

    @Autowired
    BriefingService briefings;

    @Autowired
    LayerService layers;

    @Autowired
    JsonMapper json;

    @BeforeAll
    static void poppler() {
        for (String tool : List.of("pdftoppm", "pdftotext", "pdffonts")) {
            if (!Files.isExecutable(Path.of("/usr/bin", tool))) {
                String msg = "PDF HANDOUT TESTS NOT RUN: need /usr/bin/" + tool + " (Debian package poppler-utils)";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    fail(msg + " — CI=true, so this is a failure");
                }
                System.err.println("!!! " + msg);
                Assumptions.assumeTrue(false, msg);
            }
        }
    }

    private static Frame frame(String title, List<String> layerIds, String narrative) {
        return new Frame(
                1,
                0,
                title,
                DAY,
                DAY.minusDays(6),
                36.0,
                36.6,
                8,
                BBOX,
                layerIds,
                narrative,
                List.of("post-09"),
                null,
                null);
    }

    private static Briefing draft(String title, List<Frame> frames) {
        Instant now = Instant.now();
        return new Briefing(
                0, "handout-test", title, "A test handout", "ana", Briefing.DRAFT, 0, null, now, now, frames);
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
        return out;
    }

    private static Path save(String name, byte[] bytes) throws IOException {
        Files.createDirectories(OUT);
        return Files.write(OUT.resolve(name), bytes);
    }

    @Test
    void landSeaAndControlAreasHaveTheirColoursOnPaper() throws Exception {
        Frame f = frame("Land and sea", List.of("control", "posts"), "Colours.");
        Path file = save("land-sea.pdf", pdf.render(draft("Land and sea", List.of(f))));
        run(
                "pdftoppm",
                "-r",
                "100",
                "-png",
                "-singlefile",
                file.toString(),
                OUT.resolve("land-sea").toString());
        BufferedImage page = ImageIO.read(OUT.resolve("land-sea.png").toFile());
        float[] box = PdfExport.mapBox(PDRectangle.A4);
        MapImage view = new MapImage(f, PdfExport.IMAGE_W, PdfExport.IMAGE_H);
        double dpi = 100 / 72.0;
        Instant day = DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<StoredFeature> control = layers.list(FeatureQuery.at("control", day));
        LayerStyle style = new LayerStyle(
                "control",
                "area",
                json.readTree(layers.layer("control").orElseThrow().style()));
        record Probe(String what, double lon, double lat) {}
        for (Probe probe : List.of(
                new Probe("Mediterranean", 35.55, 35.3),
                new Probe("Turkey", 37.4, 36.85),
                new Probe("east of Aleppo", 37.75, 36.05),
                new Probe("government-held Hama", 36.85, 35.2),
                new Probe("opposition-held Idlib", 36.55, 35.85))) {
            Point p = GF.createPoint(new Coordinate(probe.lon(), probe.lat()));
            StoredFeature holder = control.stream()
                    .filter(c -> c.geometry().covers(p))
                    .findFirst()
                    .orElse(null);
            Color expected;
            if (probe.what().equals("Mediterranean")) {
                assertThat(holder).isNull();
                expected = MapImage.SEA;
            } else if (holder == null) {
                assertThat(probe.what()).isIn("Turkey", "east of Aleppo");
                expected = MapImage.LAND;
            } else {
                LayerStyle.Look look = style.look(holder.properties());
                expected = blend(MapImage.LAND, Color.decode(look.fillColor()), look.fillOpacity());
                assertThat(probe.what())
                        .contains(String.valueOf(holder.properties().get("party")));
            }
            int x = (int) Math.round((box[0] + view.px(probe.lon()) / PdfExport.IMAGE_W * box[2]) * dpi);
            int y = (int) Math.round(
                    (PDRectangle.A4.getHeight() - box[1] - box[3] + view.py(probe.lat()) / PdfExport.IMAGE_H * box[3])
                            * dpi);
            Color got = new Color(page.getRGB(x, y));
            assertThat(distance(got, expected))
                    .as(probe.what() + " at " + x + "," + y + ": " + got + " vs " + expected)
                    .isLessThan(14);
        }
    }

    private static Color blend(Color under, Color over, double a) {
        return new Color(
                (int) Math.round(under.getRed() * (1 - a) + over.getRed() * a),
                (int) Math.round(under.getGreen() * (1 - a) + over.getGreen() * a),
                (int) Math.round(under.getBlue() * (1 - a) + over.getBlue() * a));
    }

    private static double distance(Color a, Color b) {
        return Math.sqrt(Math.pow(a.getRed() - b.getRed(), 2)
                + Math.pow(a.getGreen() - b.getGreen(), 2)
                + Math.pow(a.getBlue() - b.getBlue(), 2));
    }

    @Test
    void demoHandoutReadsAsWrittenWithEmbeddedFontsAndMetadata() throws Exception {
        Briefing demo = briefings.playback(DemoBriefing.SLUG);
        Path file = save("idlib.pdf", pdf.render(demo));
        String text = run("pdftotext", "-layout", file.toString(), "-");
        assertThat(text)
                .contains(
                        "Key",
                        "Control areas",
                        "government",
                        "opposition",
                        "Turkish observation posts",
                        "Ground gained since the previous frame",
                        "Highlighted in the narrative",
                        "Natural Earth",
                        "GeoNames",
                        "Sources:",
                        "data as known at",
                        "23 August 2019",
                        "events 5–23 August 2019");
        assertThat(text).doesNotContain("?");
        assertThat(text.chars().filter(c -> c == 0x0c).count())
                .isEqualTo(demo.frames().size()); // a form feed per page
        String fonts = run("pdffonts", file.toString());
        List<String> rows = fonts.lines().skip(2).toList();
        assertThat(rows)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r).containsPattern("\\byes\\s+yes\\s+(yes|no)\\s+\\d+"));
        assertThat(fonts).contains("NotoSans");
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(file))) {
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(demo.title());
            assertThat(doc.getDocumentInformation().getAuthor()).isEqualTo(demo.author());
            assertThat(doc.getNumberOfPages()).isEqualTo(demo.frames().size());
        }
    }

    @Test
    void arabicNamesPrintAndExtract() throws Exception {
        Frame f = frame(
                "Morek / مورك",
                List.of("control"),
                "The Turkish post at Morek (مورك) in northern Hama, " + "near Khan Shaykhun (خان شيخون).");
        Path file = save("arabic.pdf", pdf.render(draft("Arabic", List.of(f))));
        // shaped Arabic extracts as presentation forms; NFKC folds them to the letters, as search indexes do
        String text = Normalizer.normalize(run("pdftotext", file.toString(), "-"), Normalizer.Form.NFKC);
        assertThat(text).contains("مورك", "خان شيخون").doesNotContain("?");
        assertThat(run("pdffonts", file.toString())).contains("NotoSansArabic");
    }

    @Test
    void aFrameWhoseLayerNoLongerExistsStillExportsWithANote() throws Exception {
        Frame f = frame("Gone", List.of("control", "removed-layer"), "A layer was removed.");
        Path file = save("missing-layer.pdf", pdf.render(draft("Missing layer", List.of(f))));
        assertThat(run("pdftotext", file.toString(), "-")).contains("removed-layer", "no longer exists");
    }

    /**
     * Time against a baseline measured in the same run, since this machine is shared: the HTML export reads the
     * same pinned data and overlays, the PDF adds drawing, fonts and images. The absolute figure (≤ 2 s) is
     * printed here and measured quietly by bench/briefings.sh.
     */
    @Test
    void demoPdfExportCostsFewerThanTenHtmlExports() throws Exception {
        Briefing demo = briefings.playback(DemoBriefing.SLUG);
        pdf.render(demo); // warm-up
        html.render(demo);
        List<Long> pdfMs = new ArrayList<>();
        List<Long> htmlMs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            pdf.render(demo);
            long t1 = System.nanoTime();
            html.render(demo);
            pdfMs.add((t1 - t0) / 1_000_000);
            htmlMs.add((System.nanoTime() - t1) / 1_000_000);
        }
        Collections.sort(pdfMs);
        Collections.sort(htmlMs);
        System.out.println("demo briefing, median of 5: PDF " + pdfMs.get(2) + " ms, HTML " + htmlMs.get(2) + " ms");
        // measured 7.5× on the shared machine at load 90 (PDF 11,957 ms, HTML 1,599 ms); a map drawn twice over or
        // an encoder gone slow would pass 10×
        assertThat((double) pdfMs.get(2)).isLessThan(10.0 * htmlMs.get(2) + 500);
    }
}
