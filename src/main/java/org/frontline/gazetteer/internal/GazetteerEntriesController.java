package org.frontline.gazetteer.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.frontline.gazetteer.LearnedEntry;
import org.frontline.web.BadInputException;
import org.frontline.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gazetteer that learns: an analyst places a name in review (POST); admins list, edit, merge, delete and
 * export the learned entries (TSV in the GeoNames geoname columns, loadable as a dump elsewhere).
 */
@RestController
class GazetteerEntriesController {

    private final LearnedEntries entries;

    GazetteerEntriesController(LearnedEntries entries) {
        this.entries = entries;
    }

    @GetMapping("/api/gazetteer/entries")
    List<LearnedEntry> list() {
        return entries.list();
    }

    @GetMapping("/api/gazetteer/entries/{id}")
    LearnedEntry one(@PathVariable long id) {
        return entries.find(id).orElseThrow(() -> new NotFoundException("no learned gazetteer entry " + id));
    }

    @PostMapping("/api/gazetteer/entries")
    @ResponseStatus(HttpStatus.CREATED)
    LearnedEntry create(@RequestBody LearnedEntry.Draft draft, Authentication user) {
        check(draft);
        return entries.create(draft, user.getName());
    }

    @PutMapping("/api/gazetteer/entries/{id}")
    LearnedEntry update(@PathVariable long id, @RequestBody LearnedEntry.Draft draft, Authentication user) {
        admin(user);
        check(draft);
        return entries.update(id, draft).orElseThrow(() -> new NotFoundException("no learned gazetteer entry " + id));
    }

    @PostMapping("/api/gazetteer/entries/{id}/merge")
    LearnedEntry merge(@PathVariable long id, @RequestParam long into, Authentication user) {
        admin(user);
        if (id == into) throw new BadInputException("an entry cannot be merged into itself (" + id + ")");
        return entries.merge(id, into)
                .orElseThrow(() -> new NotFoundException("no learned gazetteer entries " + id + " and " + into));
    }

    @DeleteMapping("/api/gazetteer/entries/{id}")
    Map<String, Object> delete(@PathVariable long id, Authentication user) {
        admin(user);
        if (!entries.delete(id)) throw new NotFoundException("no learned gazetteer entry " + id);
        return Map.of("deleted", id);
    }

    /** The learned entries in the 19 GeoNames geoname columns (ids negative: not GeoNames ids). */
    @GetMapping("/api/gazetteer/entries.tsv")
    ResponseEntity<byte[]> export() {
        StringBuilder b = new StringBuilder();
        for (LearnedEntry e : entries.list()) {
            String ascii = GeonamesFile.plain(e.name());
            b.append(String.join(
                            "\t",
                            String.valueOf(e.placeId()),
                            clean(e.name()),
                            clean(ascii),
                            clean(String.join(",", e.alternateNames())),
                            String.format(Locale.ROOT, "%.5f", e.lat()),
                            String.format(Locale.ROOT, "%.5f", e.lon()),
                            e.featureClass(),
                            e.featureCode(),
                            e.country(),
                            "",
                            e.admin1(),
                            "",
                            "",
                            "",
                            "0",
                            "",
                            "",
                            "",
                            e.updatedAt() == null
                                    ? ""
                                    : e.updatedAt().toLocalDate().toString()))
                    .append('\n');
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "tab-separated-values", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"gazetteer-learned.tsv\"")
                .body(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String clean(String s) {
        return s.replaceAll("[\\t\\r\\n]", " ");
    }

    private static void check(LearnedEntry.Draft d) {
        if (d == null) throw new BadInputException("gazetteer entry: the body must be a JSON object");
        String problem = d.problem();
        if (problem != null) throw new BadInputException("gazetteer entry: " + problem);
    }

    private static void admin(Authentication user) {
        if (user == null
                || user.getAuthorities().stream()
                        .noneMatch(a -> a.getAuthority().equals("ROLE_ADMIN"))) {
            throw new AccessDeniedException("changing learned gazetteer entries needs the admin role");
        }
    }
}
