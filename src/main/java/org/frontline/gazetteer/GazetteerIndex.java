package org.frontline.gazetteer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An immutable name index over places: phonetic key → places, and exact folded key → place ids. */
final class GazetteerIndex {

    private final Map<String, List<Place>> byPhonetic = new HashMap<>();
    private final Map<String, Set<Long>> byExact = new HashMap<>();
    private final Map<Long, Place> byId = new HashMap<>();
    private int maxTokens = 1;

    void add(GeonamesFile.Row row) {
        Place p = row.place();
        Place previous = byId.put(p.geonameId(), p);
        Set<String> seen = new HashSet<>();
        for (String name : row.names()) {
            String exact = NameFolding.exactKey(name);
            if (exact.isEmpty()) continue;
            byExact.computeIfAbsent(exact, k -> new HashSet<>(2)).add(p.geonameId());
            String key = NameFolding.phoneticKey(name);
            if (seen.add(key)) {
                List<Place> list = byPhonetic.computeIfAbsent(key, k -> new ArrayList<>(1));
                if (previous != null) list.remove(previous);
                list.add(p);
                maxTokens = Math.max(maxTokens, (int) key.chars().filter(c -> c == ' ').count() + 1);
            }
        }
    }

    List<Place> byPhoneticKey(String key) {
        return byPhonetic.getOrDefault(key, List.of());
    }

    boolean exactName(Place p, String exactKey) {
        Set<Long> ids = byExact.get(exactKey);
        return ids != null && ids.contains(p.geonameId());
    }

    Place byId(long id) {
        return byId.get(id);
    }

    int size() {
        return byId.size();
    }

    int maxTokens() {
        return Math.min(maxTokens, 6);
    }

    Iterable<Place> places() {
        return byId.values();
    }
}
