package org.frontline.gazetteer.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.frontline.gazetteer.NameFolding;
import org.frontline.gazetteer.Place;

/** An immutable name index over places: phonetic key → places, and exact folded key → place ids. */
public final class GazetteerIndex {

    private final Map<String, List<Place>> byPhonetic = new HashMap<>(1 << 17);
    /** "exact key\u0000geonameId" pairs: one string per pair is far lighter than a set per key. */
    private final Set<String> exactPairs = new HashSet<>(1 << 17);
    /** Consonant skeleton → places: the last resort for vowel-dropped and run-together spellings. */
    private final Map<String, List<Place>> bySkeleton = new HashMap<>(1 << 16);

    private final Map<Long, Place> byId = new HashMap<>();
    /** Sources of entries merged from more than one ({@link SourceMerge}). */
    private final Map<Long, List<String>> sources = new HashMap<>();
    /** "phonetic key\u0000id": entries an analyst's correction overrules for spellings with that key. */
    private final Set<String> shadowed = new HashSet<>();

    private int maxTokens = 1;

    public void add(GeonamesFile.Row row) {
        Place p = row.place();
        Place previous = byId.put(p.geonameId(), p);
        Set<String> seenExact = new HashSet<>();
        Set<String> seenKey = new HashSet<>();
        for (String name : row.names()) {
            List<String> tokens = NameFolding.foldedTokens(name);
            if (tokens.isEmpty()) continue;
            String exact = String.join(" ", tokens);
            if (!seenExact.add(exact)) continue;
            exactPairs.add(exact + '\u0000' + p.geonameId());
            StringBuilder family = new StringBuilder();
            for (String t : tokens)
                family.append(family.length() > 0 ? " " : "").append(NameFolding.familyToken(t));
            if (!family.toString().equals(exact)) exactPairs.add("\u0002" + family + '\u0000' + p.geonameId());
            String skeleton = NameFolding.skeletonKey(tokens);
            if (skeleton.length() >= SKELETON_MIN && seenKey.add("\u0001" + skeleton)) {
                List<Place> list = bySkeleton.computeIfAbsent(skeleton, k -> new ArrayList<>(1));
                if (previous != null) list.remove(previous);
                list.add(p);
            }
            String key = NameFolding.phoneticKey(tokens);
            if (seenKey.add(key)) {
                List<Place> list = byPhonetic.computeIfAbsent(key, k -> new ArrayList<>(1));
                if (previous != null) list.remove(previous);
                list.add(p);
                maxTokens = Math.max(maxTokens, tokens.size());
            }
        }
    }

    /**
     * A correction in review: for every spelling with the phonetic key of one of {@code names}, the entry
     * {@code replacedId} is not the place meant (the learned entry that carries the names is).
     */
    public void shadow(List<String> names, long replacedId) {
        for (String name : names) {
            List<String> tokens = NameFolding.foldedTokens(name);
            if (!tokens.isEmpty()) shadowed.add(NameFolding.phoneticKey(tokens) + '\u0000' + replacedId);
        }
    }

    public void sources(long id, List<String> list) {
        sources.put(id, List.copyOf(list));
    }

    public List<String> sources(long id) {
        return sources.get(id);
    }

    public boolean shadowed(Place p, String phoneticKey) {
        return !shadowed.isEmpty() && shadowed.contains(phoneticKey + '\u0000' + p.geonameId());
    }

    /** Skeletons shorter than this collide with too many names to be worth a guess. */
    static final int SKELETON_MIN = 5;

    public List<Place> bySkeleton(String skeleton) {
        return skeleton.length() < SKELETON_MIN ? List.of() : bySkeleton.getOrDefault(skeleton, List.of());
    }

    public List<Place> byPhoneticKey(String key) {
        return byPhonetic.getOrDefault(key, List.of());
    }

    public boolean exactName(Place p, String exactKey) {
        return exactPairs.contains(exactKey + '\u0000' + p.geonameId());
    }

    /** Whether the place has a name in this spelling family ({@link NameFolding#familyKey}). */
    public boolean familyName(Place p, String familyKey) {
        return exactPairs.contains(familyKey + '\u0000' + p.geonameId())
                || exactPairs.contains("\u0002" + familyKey + '\u0000' + p.geonameId());
    }

    public Place byId(long id) {
        return byId.get(id);
    }

    public int size() {
        return byId.size();
    }

    public int maxTokens() {
        return Math.min(maxTokens, 6);
    }

    public Iterable<Place> places() {
        return byId.values();
    }
}
