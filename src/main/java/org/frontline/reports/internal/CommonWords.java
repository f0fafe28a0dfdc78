package org.frontline.reports.internal;

import java.util.Set;

/**
 * Capitalised words that are not place names in news text although some gazetteer entry spells the same:
 * function words at sentence start, titles, days and months, demonyms and the people of this conflict.
 */
final class CommonWords {

    private CommonWords() {
    }

    static final Set<String> NOT_PLACES = Set.of(
            "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "by", "for", "from", "with", "as",
            "it", "its", "he", "she", "they", "we", "you", "i", "this", "that", "these", "those", "there", "here",
            "one", "two", "three", "four", "five", "six", "ten", "more", "most", "some", "many", "all", "any",
            "after", "before", "since", "until", "during", "despite", "while", "when", "where", "what", "who",
            "according", "also", "however", "meanwhile", "earlier", "later", "today", "yesterday", "tomorrow",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "president", "minister", "foreign", "defence", "defense", "prime", "general",
            "spokesman", "spokeswoman", "official", "officials", "leader", "army", "forces", "force", "troops",
            "government", "regime", "rebels", "rebel", "opposition", "observatory", "agency", "agencies",
            "reuters", "afp", "ap", "bbc", "un", "news", "weekly", "daily", "breadcrumb", "follow", "twitter",
            "kremlin", "pentagon", "state", "states", "islamic", "front", "national", "liberation", "free",
            "syrian", "syrians", "turkish", "turks", "russian", "russians", "iranian", "iranians", "kurdish",
            "kurds", "arab", "arabs", "american", "americans", "british", "french", "german", "israeli",
            "lebanese", "iraqi", "jordanian", "european", "western", "eastern", "northern", "southern",
            "north", "south", "east", "west", "central", "mutual", "summit", "deal", "talks", "ceasefire",
            "erdogan", "putin", "assad", "bashar", "peskov", "dmitry", "rouhani", "hassan", "cavusoglu",
            "mevlut", "lavrov", "sergei", "trump", "jeffrey", "pedersen", "shoigu", "akar", "hulusi", "jolani",
            "julani", "abu", "mohammed", "muhammad", "ahmed", "ali", "omar", "sheikh", "al", "el",
            "province", "city", "town", "village", "region", "countryside", "road", "highway", "post", "posts",
            "observation", "security", "corridor", "zone", "humanitarian", "crisis", "ministry", "council",
            "nations", "united", "union", "white", "helmets", "civil", "red", "crescent", "cross",
            "hayat", "tahrir", "sham", "qaeda", "nusra", "hts", "sdf", "ypg", "isis", "isil", "daesh", "pkk");

    /** Titles after which capitalised words name a person, not a place. */
    static final Set<String> PERSON_TITLES = Set.of("president", "minister", "spokesman", "spokeswoman",
            "counterpart", "leader", "commander", "envoy", "general", "mr", "mrs", "ms", "dr", "sheikh");
}
