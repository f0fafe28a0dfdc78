package org.frontline.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.sf.geographiclib.Geodesic;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.reports.internal.ParseResult.DateMention;
import org.frontline.reports.internal.ParseResult.PlaceMention;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quality on the labelled reports in src/test/resources/reports/labelled (format in its README): toponym
 * precision and recall (by mention offset), the share of found places within 10 km of the truth and the
 * share of dates right (same start and precision). Targets: ≥ 0.9 each.
 */
class LabelledSetTest {

    record GoldPlace(int start, String mention, double lat, double lon) {}

    record GoldDate(int start, int end, String text, LocalDate date, String precision) {}

    record Labelled(String source, LocalDate dateline, String text, List<GoldPlace> places, List<GoldDate> dates) {}

    static List<Labelled> set;
    static ReportParser parser;

    @BeforeAll
    static void load() throws IOException {
        set = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/reports/labelled"))) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                set.addAll(read(f));
            }
        }
        parser = new ReportParser(new Gazetteer(null), "SY", "TR,LB,IQ,JO,IL,PS,CY");
    }

    static List<Labelled> read(Path file) throws IOException {
        List<Labelled> out = new ArrayList<>();
        String[] blocks = Files.readString(file, StandardCharsets.UTF_8).split("(?m)^=== ");
        for (String block : blocks) {
            if (block.isBlank()) continue;
            String[] lines = block.split("\n");
            LocalDate dateline = LocalDate.parse(lines[0].strip());
            StringBuilder text = new StringBuilder();
            List<String> placeLines = new ArrayList<>();
            List<String> dateLines = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].startsWith("@ ")) placeLines.add(lines[i].substring(2));
                else if (lines[i].startsWith("# ")) dateLines.add(lines[i].substring(2));
                else if (!lines[i].isBlank())
                    text.append(text.length() > 0 ? "\n" : "").append(lines[i]);
            }
            String t = text.toString();
            List<GoldPlace> places = new ArrayList<>();
            for (String l : placeLines) {
                String[] f = l.split("\\s*\\|\\s*");
                String mention = f[0];
                int occurrence = 1;
                if (mention.contains("#")) {
                    occurrence = Integer.parseInt(mention.substring(mention.indexOf('#') + 1));
                    mention = mention.substring(0, mention.indexOf('#'));
                }
                int at = nth(t, mention, occurrence);
                assertThat(at).as("gold mention '%s' in %s", mention, file).isGreaterThanOrEqualTo(0);
                places.add(new GoldPlace(at, mention, Double.parseDouble(f[1]), Double.parseDouble(f[2])));
            }
            List<GoldDate> dates = new ArrayList<>();
            for (String l : dateLines) {
                String[] f = l.split("\\s*\\|\\s*");
                int at = t.indexOf(f[0]);
                assertThat(at).as("gold date '%s' in %s", f[0], file).isGreaterThanOrEqualTo(0);
                dates.add(new GoldDate(at, at + f[0].length(), f[0], LocalDate.parse(f[1]), f[2]));
            }
            out.add(new Labelled(file.getFileName().toString(), dateline, t, places, dates));
        }
        return out;
    }

    static int nth(String text, String s, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = text.indexOf(s, at + 1);
            if (at < 0) return -1;
        }
        return at;
    }

    @Test
    void meetsTheQualityTargets() {
        int predicted = 0, gold = 0, matched = 0, within10km = 0, datesGold = 0, datesRight = 0;
        for (Labelled r : set) {
            ParseResult res = parser.parse(r.text(), r.dateline());
            predicted += res.places().size();
            gold += r.places().size();
            for (PlaceMention p : res.places()) {
                GoldPlace g = r.places().stream()
                        .filter(x -> x.start() == p.start())
                        .findFirst()
                        .orElse(null);
                if (g == null) {
                    System.out.printf(
                            "  false positive in %s: '%s' -> %s (%s)%n",
                            r.source(), p.mention(), p.name(), p.country());
                    continue;
                }
                matched++;
                double km = Geodesic.WGS84.Inverse(g.lat(), g.lon(), p.lat(), p.lon()).s12 / 1000;
                if (km <= 10) within10km++;
                else
                    System.out.printf(
                            "  far (%.0f km) in %s: '%s' -> %s %s%n", km, r.source(), p.mention(), p.name(), p.kind());
            }
            for (GoldPlace g : r.places()) {
                if (res.places().stream().noneMatch(p -> p.start() == g.start())) {
                    System.out.printf("  missed in %s: '%s'%n", r.source(), g.mention());
                }
            }
            for (GoldDate g : r.dates()) {
                datesGold++;
                DateMention d = res.dates().stream()
                        .filter(x -> x.start() < g.end() && g.start() < x.end())
                        .findFirst()
                        .orElse(null);
                if (d != null && d.date().equals(g.date()) && d.precision().equals(g.precision())) datesRight++;
                else
                    System.out.printf(
                            "  date wrong in %s: '%s' expected %s/%s got %s%n",
                            r.source(), g.text(), g.date(), g.precision(), d);
            }
        }
        double precision = (double) matched / predicted;
        double recall = (double) matched / gold;
        double near = (double) within10km / matched;
        double dates = (double) datesRight / datesGold;
        System.out.printf(
                "LABELLED SET: %d reports, %d gold toponyms, %d predicted; precision %.3f, recall %.3f, "
                        + "within 10 km %.3f; dates right %.3f (%d/%d)%n",
                set.size(), gold, predicted, precision, recall, near, dates, datesRight, datesGold);
        assertThat(set).hasSizeGreaterThanOrEqualTo(40);
        assertThat(precision).as("toponym precision").isGreaterThanOrEqualTo(0.9);
        assertThat(recall).as("toponym recall").isGreaterThanOrEqualTo(0.9);
        assertThat(near).as("share within 10 km").isGreaterThanOrEqualTo(0.9);
        assertThat(dates).as("share of dates right").isGreaterThanOrEqualTo(0.9);
    }
}
