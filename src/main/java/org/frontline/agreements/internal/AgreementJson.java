package org.frontline.agreements.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.frontline.agreements.Agreement;
import org.frontline.agreements.Clause;
import org.frontline.agreements.ClauseType;
import org.frontline.web.BadInputException;
import tools.jackson.databind.JsonNode;

/**
 * Reads an agreement from JSON (a request body, or the properties stored with its feature) and writes it back
 * as feature properties. Every problem names the field, e.g. {@code clauses[1].forbids[0]}.
 */
final class AgreementJson {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Set<String> CONFIDENCES = Set.of("high", "medium", "low");

    private AgreementJson() {}

    static Agreement read(JsonNode body, Instant recordedAt, String recordedBy) {
        if (body == null || !body.isObject()) {
            throw new BadInputException("the agreement must be a JSON object");
        }
        String name = text(body, "name", 300, true);
        String id = text(body, "id", 100, false);
        if (id == null) {
            id = slug(name);
        }
        if (!ID.matcher(id).matches()) {
            throw new BadInputException("id must be 1-100 letters, digits or . _ : -, got '" + id + "'");
        }
        List<String> parties = strings(body, "parties", true);
        LocalDate signed = date(body, "signedOn", true);
        LocalDate effective = date(body, "effectiveFrom", false);
        effective = effective == null ? signed : effective;
        if (effective.isBefore(signed)) {
            throw new BadInputException("effectiveFrom " + effective + " is before signedOn " + signed);
        }
        LocalDate ends = date(body, "endsOn", false);
        if (ends != null && !ends.isAfter(effective)) {
            throw new BadInputException("endsOn " + ends + " must be after effectiveFrom " + effective);
        }
        List<Agreement.Source> sources = sources(body);
        String confidence = text(body, "confidence", 10, false);
        confidence = confidence == null ? "medium" : confidence;
        if (!CONFIDENCES.contains(confidence)) {
            throw new BadInputException("confidence must be high, medium or low, got '" + confidence + "'");
        }
        String notes = text(body, "notes", 5000, false);
        JsonNode list = body.get("clauses");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new BadInputException("clauses must be a non-empty array");
        }
        List<Clause> clauses = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Clause c = clause(list.get(i), "clauses[" + i + "]", signed, effective, ends);
            if (!ids.add(c.id())) {
                throw new BadInputException("clauses[" + i + "].id '" + c.id() + "' is used twice");
            }
            clauses.add(c);
        }
        return new Agreement(
                id,
                name,
                parties,
                signed,
                effective,
                ends,
                sources,
                confidence,
                notes,
                List.copyOf(clauses),
                recordedAt,
                recordedBy);
    }

    private static Clause clause(JsonNode n, String at, LocalDate signed, LocalDate effective, LocalDate ends) {
        if (n == null || !n.isObject()) {
            throw new BadInputException(at + " must be an object");
        }
        String id = text(n, "id", 100, true, at);
        if (!ID.matcher(id).matches()) {
            throw new BadInputException(at + ".id must be 1-100 letters, digits or . _ : -");
        }
        String code = text(n, "type", 40, true, at);
        ClauseType type = ClauseType.of(code)
                .orElseThrow(() -> new BadInputException(
                        at + ".type '" + code + "' is not a clause type; one of: " + ClauseType.codes()));
        Clause.AreaRef area = null;
        JsonNode a = n.get("area");
        if (a != null && !a.isNull()) {
            if (!a.isObject()) {
                throw new BadInputException(at + ".area must be an object {layer, feature}");
            }
            area = new Clause.AreaRef(
                    text(a, "layer", 64, true, at + ".area"), text(a, "feature", 100, false, at + ".area"));
        }
        LocalDate from = date(n, "from", false, at);
        LocalDate to = date(n, "to", false, at);
        LocalDate deadline = date(n, "deadline", false, at);
        checkWithin(at + ".from", from, signed, ends);
        if (from != null && from.isBefore(effective)) {
            throw new BadInputException(at + ".from " + from + " is before the agreement's effectiveFrom " + effective);
        }
        if (to != null && !to.isAfter(from == null ? effective : from)) {
            throw new BadInputException(at + ".to " + to + " must be after the clause's start");
        }
        checkWithin(at + ".deadline", deadline, signed, ends);
        if (type.needsDeadline() && deadline == null) {
            throw new BadInputException(at + ".deadline is required for a " + type.code() + " clause");
        }
        List<String> bound = strings(n, "boundParties", false, at);
        List<String> forbids = strings(n, "forbids", false, at);
        for (int i = 0; i < forbids.size(); i++) {
            if (!EventTaxonomy.ALL.contains(forbids.get(i))) {
                throw new BadInputException(at + ".forbids[" + i + "] '" + forbids.get(i)
                        + "' is not an ACLED event type or sub-event type (e.g. 'Battles', 'Air/drone strike')");
            }
        }
        return new Clause(id, type, text(n, "text", 2000, false, at), area, from, to, deadline, bound, forbids);
    }

    private static void checkWithin(String field, LocalDate d, LocalDate signed, LocalDate ends) {
        if (d != null && d.isBefore(signed)) {
            throw new BadInputException(field + " " + d + " is before the agreement was signed (" + signed + ")");
        }
        if (d != null && ends != null && !d.isBefore(ends)) {
            throw new BadInputException(field + " " + d + " is not before the agreement's end (" + ends + ")");
        }
    }

    private static List<Agreement.Source> sources(JsonNode body) {
        JsonNode list = body.get("sources");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new BadInputException("sources must be a non-empty array of {publisher, url, date}");
        }
        List<Agreement.Source> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "sources[" + i + "]";
            JsonNode s = list.get(i);
            if (!s.isObject()) {
                throw new BadInputException(at + " must be an object {publisher, url, date}");
            }
            String url = text(s, "url", 2000, false, at);
            if (url != null && !isHttp(url)) {
                throw new BadInputException(at + ".url must be an http(s) address");
            }
            out.add(new Agreement.Source(text(s, "publisher", 300, true, at), url, date(s, "date", false, at)));
        }
        return List.copyOf(out);
    }

    private static boolean isHttp(String url) {
        try {
            URI u = new URI(url);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    /** The agreement as the properties of its feature (without id, dates of validity and provenance). */
    static Map<String, Object> properties(Agreement a) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", a.name());
        p.put("title", a.name());
        p.put("parties", a.parties());
        p.put("signedOn", a.signedOn().toString());
        p.put("effectiveFrom", a.effectiveFrom().toString());
        p.put("endsOn", a.endsOn() == null ? null : a.endsOn().toString());
        p.put("confidence", a.confidence());
        List<Map<String, Object>> sources = new ArrayList<>();
        for (Agreement.Source s : a.sources()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("publisher", s.publisher());
            m.put("url", s.url());
            m.put("date", s.date() == null ? null : s.date().toString());
            sources.add(m);
        }
        p.put("sources", sources);
        p.put("notes", a.notes());
        List<Map<String, Object>> clauses = new ArrayList<>();
        for (Clause c : a.clauses()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("type", c.type().code());
            m.put("text", c.text());
            m.put(
                    "area",
                    c.area() == null
                            ? null
                            : Map.of(
                                    "layer",
                                    c.area().layer(),
                                    "feature",
                                    c.area().feature() == null ? "" : c.area().feature()));
            m.put("from", iso(c.from()));
            m.put("to", iso(c.to()));
            m.put("deadline", iso(c.deadline()));
            m.put("boundParties", c.boundParties());
            m.put("forbids", c.forbids());
            clauses.add(m);
        }
        p.put("clauses", clauses);
        p.put("agreementId", a.id());
        return p;
    }

    private static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String slug(String name) {
        String s = name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "agreement" : s.length() > 60 ? s.substring(0, 60) : s;
    }

    private static String text(JsonNode n, String field, int max, boolean required) {
        return text(n, field, max, required, null);
    }

    private static String text(JsonNode n, String field, int max, boolean required, String at) {
        String name = at == null ? field : at + "." + field;
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || (v.isString() && v.stringValue().isBlank())) {
            if (required) {
                throw new BadInputException(name + " is required");
            }
            return null;
        }
        if (!v.isString()) {
            throw new BadInputException(name + " must be a string");
        }
        String s = v.stringValue().strip();
        if (s.length() > max) {
            throw new BadInputException(name + " is longer than " + max + " characters");
        }
        if (s.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\t')) {
            throw new BadInputException(name + " contains control characters");
        }
        return s;
    }

    private static LocalDate date(JsonNode n, String field, boolean required) {
        return date(n, field, required, null);
    }

    private static LocalDate date(JsonNode n, String field, boolean required, String at) {
        String s = text(n, field, 10, required, at);
        if (s == null) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(s);
            if (d.getYear() < 1900 || d.getYear() > 2999) {
                throw new BadInputException((at == null ? field : at + "." + field) + " " + s + " is out of range");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new BadInputException(
                    (at == null ? field : at + "." + field) + " must be a date YYYY-MM-DD, got '" + s + "'");
        }
    }

    private static List<String> strings(JsonNode n, String field, boolean required) {
        return strings(n, field, required, null);
    }

    private static List<String> strings(JsonNode n, String field, boolean required, String at) {
        String name = at == null ? field : at + "." + field;
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new BadInputException(name + " is required (an array of names)");
            }
            return List.of();
        }
        if (!v.isArray() || (required && v.isEmpty()) || v.size() > 100) {
            throw new BadInputException(name + " must be an array of 1-100 names");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isString() || e.stringValue().isBlank() || e.stringValue().length() > 200) {
                throw new BadInputException(name + "[" + i + "] must be a non-empty string of at most 200 characters");
            }
            out.add(e.stringValue().strip());
        }
        return List.copyOf(out);
    }
}
