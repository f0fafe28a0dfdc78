package org.frontline.reports.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.frontline.gazetteer.NameFolding;
import org.frontline.reports.internal.Tokens.Token;

/**
 * Spans that are not toponyms although they may hold place-like words: the listed names of
 * {@link NamedEntities} and structural rules — a capitalised run ending in Party/Front/Observatory/Agency/News/
 * Council/Army/Hospital…, a name after a title ("activist Taher al-Omar"), a name of two or more words before
 * "said", a name in apposition to a role ("Suleiman Abdulqader, a local activist"). Runs ending in a facility word
 * (Hospital, School…) are also kept as facility names, so "the X Hospital in Y" can name the facility at Y.
 */
final class NotPlaces {

    /** Blocked spans and facility names, sorted for binary search (long reports have thousands of each). */
    record Result(Spans<int[]> blocked, Spans<int[]> facilities) {
        Result(List<int[]> blocked, List<int[]> facilities) {
            this(new Spans<>(blocked, b -> b[0], b -> b[1]), new Spans<>(facilities, b -> b[0], b -> b[1]));
        }

        boolean blocks(int start, int end) {
            return blocked.overlaps(start, end);
        }
    }

    static final Set<String> ORG_ENDINGS = Set.of(
            "party",
            "front",
            "observatory",
            "agency",
            "news",
            "council",
            "army",
            "forces",
            "brigade",
            "brigades",
            "division",
            "movement",
            "network",
            "association",
            "organization",
            "organisation",
            "committee",
            "ministry",
            "directorate",
            "media",
            "tv",
            "channel",
            "times",
            "post",
            "press",
            "radio",
            "foundation",
            "room",
            "group",
            "corps",
            "regiment",
            "battalion",
            "coalition",
            "alliance",
            "union",
            "commission",
            "society",
            "institute",
            "court",
            "office",
            "company",
            "bank",
            "department",
            "authority",
            "government",
            "administration",
            "command",
            "federation",
            "league",
            "shield");
    static final Set<String> FACILITY_ENDINGS = Set.of(
            "hospital",
            "school",
            "clinic",
            "mosque",
            "university",
            "centre",
            "center",
            "bakery",
            "market",
            "prison",
            "stadium",
            "church");
    private static final Set<String> LINKS =
            Set.of("of", "for", "al", "el", "the", "de", "an", "ad", "ash", "as", "ar", "at", "az");
    private static final Pattern SAID =
            Pattern.compile("^\\s*(said|says|told|added|stated|reported|explained|confirmed|noted|wrote|tweeted)\\b");
    private static final Pattern APPOSITION = Pattern.compile("^\\s*,\\s*(a|an|the|who)\\s+([\\p{L}-]+\\s+){0,3}?"
            + "(activist|official|spokesman|spokeswoman|spokesperson|commander|resident|journalist|correspondent|"
            + "reporter|photographer|doctor|nurse|head|chief|director|leader|member|fighter|analyst|researcher|"
            + "monitor|witness|farmer|teacher|father|mother|volunteer)\\b");

    private NotPlaces() {}

    static Result find(String text, List<Token> tokens) {
        List<int[]> blocked = new ArrayList<>(NamedEntities.spans(text));
        List<int[]> facilities = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (!tokens.get(i).capitalised()) {
                i++;
                continue;
            }
            int end = runEnd(text, tokens, i);
            Token first = tokens.get(i);
            Token last = tokens.get(end);
            String lastWord = last.text().toLowerCase(Locale.ROOT);
            int[] span = {first.start(), last.end()};
            boolean afterTitle = i > 0
                    && CommonWords.PERSON_TITLES.contains(
                            tokens.get(i - 1).text().toLowerCase(Locale.ROOT))
                    && Tokens.joined(text, tokens.get(i - 1), first);
            int names = end - i + 1;
            if (FACILITY_ENDINGS.contains(lastWord) && names > 1) {
                blocked.add(span);
                facilities.add(span);
            } else if (ORG_ENDINGS.contains(lastWord) || afterTitle || (names > 1 && personBefore(text, last.end()))) {
                blocked.add(span);
            }
            i = end + 1;
        }
        return new Result(blocked, facilities);
    }

    /** "… said", ", a local activist": what follows a name of two or more words makes it a person's. */
    private static boolean personBefore(String text, int end) {
        CharSequence after = text.subSequence(end, Math.min(text.length(), end + 80));
        return SAID.matcher(after).find() || APPOSITION.matcher(after).find();
    }

    /** The last token of the capitalised run starting at i (link words such as "of", "al" may join it). */
    private static int runEnd(String text, List<Token> tokens, int i) {
        int end = i;
        int k = i + 1;
        while (k < tokens.size() && Tokens.joined(text, tokens.get(k - 1), tokens.get(k))) {
            Token t = tokens.get(k);
            if (t.capitalised() && !LINKS.contains(NameFolding.foldToken(t.text()))) {
                end = k;
            } else if (!LINKS.contains(t.text().toLowerCase(Locale.ROOT))) {
                break;
            }
            k++;
        }
        return end;
    }
}
