package org.frontline.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.reports.internal.ReportParser;

/**
 * Issue 4 benchmark, one thread: (1) gazetteer load time of the full shipped extract (cold = the first load
 * in a fresh JVM, as at start-up; warm = later loads); (2) reports of about 3 KB parsed per second.
 * Texts are built from the sentences of the labelled test reports, shuffled, so every parse sees new text.
 */
public final class ReportParseBench {

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 7);
        int perRound = Integer.getInteger("reports", 300);
        // issue 9: the shipped extract plus a country dump of this many rows (0: the shipped extract alone)
        int dumpRows = Integer.getInteger("dumpRows", 15_000);
        Path dumpDir = dumpRows > 0 ? syntheticDump(dumpRows, new Random(7)) : null;

        long t0 = System.nanoTime();
        Gazetteer gazetteer = new Gazetteer(dumpDir);
        double cold = (System.nanoTime() - t0) / 1e6;
        double[] loads = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            gazetteer = new Gazetteer(dumpDir);
            loads[i] = (System.nanoTime() - t) / 1e6;
        }
        System.out.printf(
                "gazetteer: %d places (shipped extract + %d-row dump); cold load %.0f ms; warm load %s%n",
                gazetteer.size(), dumpRows, cold, new Stats(loads));

        ReportParser parser = new ReportParser(gazetteer, "SY", "TR,LB,IQ,JO,IL,PS,CY");
        List<String> texts = texts(perRound, new Random(42));
        double avgBytes = texts.stream()
                .mapToInt(t -> t.getBytes(StandardCharsets.UTF_8).length)
                .average()
                .orElse(0);
        LocalDate dateline = LocalDate.of(2019, 8, 27);
        long sink = 0;
        for (int i = 0; i < 2; i++) {
            for (String t : texts) sink += parser.parse(t, dateline).places().size();
        }
        double[] perSecond = new double[rounds];
        double[] msPerReport = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t = System.nanoTime();
            for (String text : texts)
                sink += parser.parse(text, dateline).places().size();
            double ms = (System.nanoTime() - t) / 1e6;
            perSecond[r] = texts.size() / (ms / 1000);
            msPerReport[r] = ms / texts.size();
        }
        Stats rate = new Stats(perSecond);
        System.out.printf(
                "parse: %d reports of %.0f bytes on average, one thread; %.0f reports/s median "
                        + "(min %.0f, max %.0f); per report %s [checksum %d]%n",
                texts.size(),
                avgBytes,
                rate.median(),
                rate.percentile(0),
                rate.percentile(100),
                new Stats(msPerReport),
                sink);
        System.out.printf(
                "targets: >= 100 reports/s -> %s; load <= 3000 ms -> %s (cold %.0f ms)%n",
                rate.median() >= 100 ? "met" : "NOT met", cold <= 3000 ? "met" : "NOT met", cold);
    }

    /**
     * A GeoNames-layout country dump of {@code rows} villages in Syria with made-up Arabic-like names and two
     * alternate spellings each: the size of a full SY.txt (about 13,000 rows), for load time and index size.
     */
    private static Path syntheticDump(int rows, Random random) throws Exception {
        String[] heads = {"Kafr", "Tall", "Ain", "Deir", "Khirbet", "Maarat", "Jabal", "Umm", "Bir", "Tal"};
        String[] roots = {
            "Sal", "Mar", "Hir", "Ruj", "Naj", "Bal", "Qar", "Dum", "Sin", "Haw", "Zar", "Lut", "Fat", "Kab", "Shar",
            "Mis", "Ham", "Dar", "Jaz", "Raf"
        };
        String[] ends = {"a", "eh", "in", "oun", "iya", "at", "ab", "ur", "iq", "an"};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            String root = roots[random.nextInt(roots.length)]
                    + roots[random.nextInt(roots.length)].toLowerCase()
                    + ends[random.nextInt(ends.length)];
            String name = (random.nextBoolean() ? heads[random.nextInt(heads.length)] + " " : "") + root;
            String alt1 = name.replace("ou", "u").replace("eh", "a");
            String alt2 = "al-" + root;
            double lat = 32.5 + random.nextDouble() * 4.5;
            double lon = 35.8 + random.nextDouble() * 6.2;
            b.append(String.join(
                            "\t",
                            String.valueOf(90_000_000 + i),
                            name,
                            name,
                            alt1 + "," + alt2,
                            String.format(java.util.Locale.ROOT, "%.5f", lat),
                            String.format(java.util.Locale.ROOT, "%.5f", lon),
                            "P",
                            "PPL",
                            "SY",
                            "",
                            "12",
                            "",
                            "",
                            "",
                            String.valueOf(random.nextInt(5000)),
                            "",
                            "300",
                            "Asia/Damascus",
                            "2024-01-01"))
                    .append('\n');
        }
        Path dir = Files.createTempDirectory("bench-gazetteer");
        Files.writeString(dir.resolve("SY-synthetic.txt"), b.toString(), StandardCharsets.UTF_8);
        dir.toFile().deleteOnExit();
        dir.resolve("SY-synthetic.txt").toFile().deleteOnExit();
        return dir;
    }

    private static List<String> texts(int n, Random random) throws Exception {
        List<String> sentences = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/reports/labelled"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (line.isBlank() || line.startsWith("===") || line.startsWith("@ ") || line.startsWith("# "))
                        continue;
                    for (String s : line.split("(?<=\\.)\\s+")) sentences.add(s);
                }
            }
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder();
            while (b.length() < 3000) {
                b.append(sentences.get(random.nextInt(sentences.size()))).append(random.nextInt(5) == 0 ? "\n" : " ");
            }
            out.add(b.toString());
        }
        return out;
    }
}
