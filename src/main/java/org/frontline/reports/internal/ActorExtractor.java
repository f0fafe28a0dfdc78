package org.frontline.reports.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontline.reports.internal.ParseResult.ActorMention;

/** The parties of the conflict as reports name them, each normalised to one label (list: {@link NamedEntities}). */
final class ActorExtractor {

    private static final Map<String, String> ACTORS = new LinkedHashMap<>();
    private static final List<String> LABELS = new ArrayList<>();
    /** All actors in one alternation, one group per actor: one pass over the text instead of one per actor. */
    private static final Pattern ALL;

    static {
        // the shipped list (geodata/gazetteer/actors.tsv) also tells the toponym extractor what is not a place
        for (NamedEntities.Entry e : NamedEntities.actors()) actor(e.label(), e.pattern());
        StringBuilder b = new StringBuilder("\\b(?:");
        for (var e : ACTORS.entrySet()) {
            if (!LABELS.isEmpty()) b.append('|');
            b.append("(").append(e.getValue()).append(")");
            LABELS.add(e.getKey());
        }
        ALL = Pattern.compile(b.append(")\\b").toString());
    }

    private static void actor(String label, String regex) {
        ACTORS.put(label, regex);
    }

    private ActorExtractor() {}

    static List<ActorMention> find(String text) {
        List<ActorMention> out = new ArrayList<>();
        Matcher m = ALL.matcher(text);
        while (m.find()) {
            for (int g = 1; g <= LABELS.size(); g++) {
                if (m.start(g) >= 0) {
                    out.add(new ActorMention(m.group(), m.start(), m.end(), LABELS.get(g - 1)));
                    break;
                }
            }
        }
        return out;
    }
}
