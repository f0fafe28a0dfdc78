package org.frontline.reports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shipped, editable list of names that are not places ({@code geodata/gazetteer/actors.tsv}): the parties of
 * the conflict, media outlets, organisations and operations. {@link ActorExtractor} reports the actors; the toponym
 * extractor skips any span inside one of these names.
 */
final class NamedEntities {

    static final String FILE = "geodata/gazetteer/actors.tsv";

    record Entry(String kind, String label, String pattern) {}

    static final List<Entry> ENTRIES = load();
    /** Every name in one case-insensitive alternation, apostrophes interchangeable. */
    private static final Pattern ANY = anyName();

    private NamedEntities() {}

    static List<Entry> actors() {
        return ENTRIES.stream().filter(e -> e.kind().equals("actor")).toList();
    }

    /** [start, end) spans of every listed name in the text. */
    static List<int[]> spans(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = ANY.matcher(text);
        while (m.find()) out.add(new int[] {m.start(), m.end()});
        return out;
    }

    private static Pattern anyName() {
        // only capitalised names can hide a toponym: the look-ahead skips most positions of a long text cheaply
        StringBuilder b = new StringBuilder("\\b(?=(?-i:[A-Z]))(?:");
        boolean first = true;
        for (Entry e : ENTRIES) {
            if (e.kind().equals("actor") && e.label().equals("civilians")) continue;
            if (!first) b.append('|');
            b.append("(?:").append(e.pattern().replace("'", "['’]")).append(')');
            first = false;
        }
        return Pattern.compile(b.append(")\\b").toString(), Pattern.CASE_INSENSITIVE);
    }

    private static List<Entry> load() {
        try (InputStream in = NamedEntities.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) throw new IOException("missing classpath resource " + FILE);
            List<Entry> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length != 3) throw new IllegalStateException(FILE + ": not kind<TAB>label<TAB>pattern: " + line);
                Pattern.compile(f[2]); // a bad pattern fails at start-up, naming the line
                out.add(new Entry(f[0].strip(), f[1].strip(), f[2].strip()));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }
}
