package org.frontline.reports.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontline.reports.internal.ParseResult.ActorMention;

/** The parties of the conflict as reports name them, each normalised to one label. */
final class ActorExtractor {

    private static final Map<String, String> ACTORS = new LinkedHashMap<>();
    private static final List<String> LABELS = new ArrayList<>();
    /** All actors in one alternation, one group per actor: one pass over the text instead of one per actor. */
    private static final Pattern ALL;

    static {
        actor("Russian air force", "Russian (?:air ?craft|air ?strikes?|warplanes?|jets?|planes|air force|"
                + "bombers?|helicopters?)|Russia's air force");
        actor("Russian forces", "Russian (?:forces|troops|soldiers|military|army|military police)");
        actor("Syrian government forces", "(?:Syrian )?government forces|(?:Syrian )?regime forces|pro-government "
                + "forces|pro-regime forces|Syrian (?:army|troops|soldiers|forces)|(?:the )?regime|Assad's forces|"
                + "(?:President )?Bashar al-Assad's forces|loyalist forces|Syrian Arab Army|SAA|Tiger Forces");
        actor("Syrian air force", "Syrian (?:air ?craft|warplanes?|jets?|helicopters?|air force)|barrel bombs?");
        actor("Turkish armed forces", "Turkish (?:army|troops|soldiers|forces|military|armed forces|"
                + "artillery|drones?)");
        actor("HTS", "Hayat Tahrir al-Sham|Hay'at Tahrir al-Sham|Tahrir al-Sham|HTS|Nusra Front|al-Nusra");
        actor("Syrian rebels", "rebels?|rebel (?:groups?|fighters|factions)|opposition (?:fighters|forces|groups?|"
                + "factions)|National Liberation Front|NLF|Free Syrian Army|FSA|Syrian National Army|"
                + "Turkish-backed (?:rebels|fighters|forces)");
        actor("Islamist militants", "Islamist (?:forces|fighters|groups?|militants)|jihadists?|jihadis?|"
                + "Hurras al-Din|Turkistan Islamic Party|TIP");
        actor("Al-Qaeda", "Al-Qaeda|al-Qaida");
        actor("Islamic State", "Islamic State|ISIS|ISIL|IS fighters|Daesh");
        actor("SDF", "Syrian Democratic Forces|SDF|YPG|Kurdish (?:forces|fighters|militia)");
        actor("Iran-backed militias", "Iran(?:ian)?-backed (?:militias?|forces|fighters)|Hezbollah|IRGC|"
                + "Revolutionary Guards?");
        actor("United Nations", "United Nations|UN|OCHA|UNHCR");
        actor("Syrian Observatory for Human Rights", "(?:Syrian )?Observatory(?: for Human Rights)?|SOHR");
        actor("White Helmets", "White Helmets|Syria Civil Defence|Civil Defence");
        actor("civilians", "civilians");
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

    private ActorExtractor() {
    }

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
