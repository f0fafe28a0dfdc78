package org.frontline.agreements.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** ACLED's event types and their sub-event types: the words a clause may forbid. */
final class EventTaxonomy {
    static final Map<String, List<String>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put(
                "Battles",
                List.of("Armed clash", "Government regains territory", "Non-state actor overtakes territory"));
        TYPES.put(
                "Explosions/Remote violence",
                List.of(
                        "Chemical weapon",
                        "Air/drone strike",
                        "Suicide bomb",
                        "Shelling/artillery/missile attack",
                        "Remote explosive/landmine/IED",
                        "Grenade"));
        TYPES.put("Violence against civilians", List.of("Sexual violence", "Attack", "Abduction/forced disappearance"));
        TYPES.put(
                "Protests",
                List.of("Peaceful protest", "Protest with intervention", "Excessive force against protesters"));
        TYPES.put("Riots", List.of("Violent demonstration", "Mob violence"));
        TYPES.put(
                "Strategic developments",
                List.of(
                        "Agreement",
                        "Arrests",
                        "Change to group/activity",
                        "Disrupted weapons use",
                        "Headquarters or base established",
                        "Looting/property destruction",
                        "Non-violent transfer of territory",
                        "Other"));
    }

    static final Set<String> ALL = TYPES.entrySet().stream()
            .flatMap(e -> Stream.concat(Stream.of(e.getKey()), e.getValue().stream()))
            .collect(Collectors.toUnmodifiableSet());

    private EventTaxonomy() {}
}
