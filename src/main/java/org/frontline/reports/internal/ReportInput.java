package org.frontline.reports.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.frontline.web.BadInputException;
import org.frontline.web.PayloadTooLargeException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Turns what a user submits (plain text, an HTML page, an RSS/Atom feed) into reports: plain text with a
 * dateline. HTML loses scripts, styles and markup (jsoup); a feed gives one report per item, and items that
 * cannot be read (no text, no date) are listed as errors while the others go through.
 */
final class ReportInput {

    static final int MAX_BYTES = 1_048_576;
    /** Column sizes of the report table: longer values are refused, never cut (a cut URL is another link). */
    static final int MAX_TITLE = 500;

    static final int MAX_URL = 2000;
    static final int MAX_PUBLISHER = 200;
    private static final Pattern HTML =
            Pattern.compile("(?is)^\\s*(<!doctype html|<html|<head|<body|<p[\\s>]|<div|<article|<!--)");

    /** One readable report. */
    record Item(String title, String url, LocalDate published, String text) {}

    /** What came out of a submission: reports, the items that could not be read, and the input's format. */
    record Decoded(String format, List<Item> items, List<String> errors) {}

    private ReportInput() {}

    static String utf8(byte[] bytes) {
        if (bytes.length > MAX_BYTES) throw tooLarge(bytes.length);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException("report: the file is not UTF-8 text (binary or another encoding); "
                    + "save it as UTF-8 plain text, HTML or RSS/Atom");
        }
    }

    static PayloadTooLargeException tooLarge(long bytes) {
        // a body read up to the cap only shows it is over the limit, not by how much
        String size = bytes > MAX_BYTES + 1 ? bytes + " bytes" : "over " + MAX_BYTES + " bytes";
        return new PayloadTooLargeException("report: " + size + "; at most " + MAX_BYTES + " (1 MB) per report");
    }

    /** @param given the dateline the user gave (null: read it from the HTML or feed) */
    static Decoded decode(String raw, LocalDate given) {
        if (raw == null || raw.isBlank()) throw new BadInputException("report: 'text' is empty");
        if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new PayloadTooLargeException(
                    "report: text over 1 MB (" + MAX_BYTES + " bytes); split it into several reports");
        }
        if (looksBinary(raw)) {
            throw new BadInputException("report: the text holds control characters, so it looks binary, not text");
        }
        boolean feed = MarkupLimits.isFeed(raw);
        if (feed || HTML.matcher(raw).find()) {
            MarkupLimits.checkDepth(raw, "report");
        }
        if (feed) return feed(raw, given);
        if (HTML.matcher(raw).find()) {
            Document doc = Jsoup.parse(raw);
            LocalDate published = given != null ? given : htmlDate(doc);
            String text = htmlText(doc.body());
            if (text.isBlank())
                throw new BadInputException("report: the HTML has no text once scripts and markup are removed");
            return new Decoded(
                    "html", List.of(new Item(doc.title(), null, require(published, "HTML page"), text)), List.of());
        }
        return new Decoded("text", List.of(new Item(null, null, require(given, "plain text"), raw.strip())), List.of());
    }

    /**
     * Why a source link is unacceptable, or null if it is fine: only absolute http(s) URLs with a host, since
     * the link ends up as an event's sourceUrl that the map shows as a link (no javascript:, data:, file:).
     */
    static String badUrl(String url) {
        if (url.length() > MAX_URL) return "is longer than " + MAX_URL + " characters";
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return "is not an http(s) URL";
            if (u.getHost() == null || u.getHost().isBlank()) return "has no host";
            return null;
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
    }

    static LocalDate dateline(String published) {
        if (published == null || published.isBlank()) return null;
        try {
            return LocalDate.parse(
                    published.strip().length() >= 10 ? published.strip().substring(0, 10) : published.strip());
        } catch (DateTimeParseException e) {
            throw new BadInputException(
                    "report: 'published' is not a date: '" + shorten(published) + "' (expected YYYY-MM-DD)");
        }
    }

    private static LocalDate require(LocalDate d, String what) {
        if (d == null) {
            throw new BadInputException("report: no dateline; give 'published' (YYYY-MM-DD) for " + what);
        }
        return d;
    }

    private static boolean looksBinary(String s) {
        int control = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) return true;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') control++;
        }
        return control > 0 && control * 100 > s.length();
    }

    private static Decoded feed(String raw, LocalDate given) {
        Document doc = Jsoup.parse(raw, "", Parser.xmlParser());
        List<Element> entries = doc.select("item, entry");
        if (entries.isEmpty()) throw new BadInputException("report: the feed has no <item> or <entry>");
        if (entries.size() > MarkupLimits.MAX_FEED_ITEMS) {
            throw new BadInputException("report: the feed has " + entries.size() + " items; at most "
                    + MarkupLimits.MAX_FEED_ITEMS + " are read per submission (split the feed)");
        }
        List<Item> items = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int n = 0;
        for (Element e : entries) {
            n++;
            String title = first(e, "title");
            String body = first(e, "content|encoded", "encoded", "content", "description", "summary");
            String link = first(e, "link");
            if (link.isBlank()) link = e.select("link[href]").attr("href");
            String label = "feed item " + n + (title.isBlank() ? "" : " ('" + shorten(title) + "')");
            try {
                MarkupLimits.checkDepth(body, label);
            } catch (BadInputException tooDeep) {
                errors.add(tooDeep.getMessage());
                continue;
            }
            String text =
                    body.isBlank() ? "" : htmlText(Jsoup.parseBodyFragment(body).body());
            String linkProblem = link.isBlank() ? null : badUrl(link);
            if (linkProblem != null) {
                // the item is still worth reading; only its link goes
                errors.add(label + ": link '" + shorten(link) + "' " + linkProblem + "; the item is kept without it");
                link = "";
            }
            if (text.isBlank() && title.isBlank()) {
                errors.add(label + ": no title and no text");
                continue;
            }
            String dateText = first(e, "pubDate", "published", "updated", "date", "dc|date");
            LocalDate date = given;
            if (!dateText.isBlank()) {
                date = feedDate(dateText);
                if (date == null) {
                    errors.add(label + ": date '" + shorten(dateText) + "' is not a date");
                    continue;
                }
            }
            if (date == null) {
                errors.add(label + ": no date and no 'published' given");
                continue;
            }
            String full = title.isBlank() ? text : (text.isBlank() ? title : title + ".\n" + text);
            items.add(new Item(title, link.isBlank() ? null : link, date, full));
        }
        if (items.isEmpty()) {
            throw new BadInputException("report: no readable item in the feed: " + String.join("; ", errors));
        }
        return new Decoded("feed", items, errors);
    }

    /** The text of the first of these elements (in this order of preference) that has any. */
    private static String first(Element e, String... queries) {
        for (String q : queries) {
            Element found = e.selectFirst(q);
            String text = found == null ? "" : found.text();
            if (!text.isBlank()) return text.strip();
        }
        return "";
    }

    private static LocalDate feedDate(String s) {
        String t = s.strip();
        try {
            return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
        } catch (DateTimeParseException ignored) {
            // not RFC 822 (RSS); try ISO (Atom)
        }
        try {
            return LocalDate.parse(t.length() >= 10 ? t.substring(0, 10) : t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate htmlDate(Document doc) {
        for (String q : List.of(
                "meta[property=article:published_time]",
                "meta[name=date]",
                "meta[name=pubdate]",
                "meta[itemprop=datePublished]",
                "meta[name=dc.date]")) {
            Element m = doc.selectFirst(q);
            if (m != null && m.hasAttr("content")) {
                LocalDate d = feedDate(m.attr("content"));
                if (d != null) return d;
            }
        }
        Element time = doc.selectFirst("time[datetime]");
        return time == null ? null : feedDate(time.attr("datetime"));
    }

    /** Elements whose content is never visible text. */
    private static final Set<String> HIDDEN =
            Set.of("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head");
    /** Elements that end a line. */
    private static final Set<String> BLOCKS = Set.of(
            "br",
            "p",
            "div",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "tr",
            "blockquote",
            "article",
            "section",
            "header",
            "footer",
            "figcaption",
            "title");

    /** Visible text with one line per block element; scripts, styles and hidden templates removed. */
    static String htmlText(Element root) {
        // Each parent's children are rebuilt once, hidden ones left out and a literal "\\n" text node after each
        // block: jsoup's remove() and after() re-index every later sibling (55,000 sibling styles took minutes),
        // and Elements.after(String) ran the HTML parser once per element (17,855 divs: over 10 s).
        for (Element parent : root.getAllElements()) {
            boolean change = false;
            for (Element child : parent.children()) {
                change |= HIDDEN.contains(child.normalName()) || BLOCKS.contains(child.normalName());
            }
            if (!change) continue;
            List<Node> keep = new ArrayList<>(parent.childNodeSize() + 16);
            for (Node n : parent.childNodes()) {
                String name = n instanceof Element e ? e.normalName() : "";
                if (HIDDEN.contains(name)) continue;
                keep.add(n);
                if (BLOCKS.contains(name)) keep.add(new TextNode("\\n"));
            }
            parent.empty();
            parent.appendChildren(keep);
        }
        String text = root.text().replace("\\n", "\n");
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\n")) {
            String l = line.strip().replaceAll("\\s{2,}", " ");
            if (!l.isEmpty()) b.append(l).append('\n');
        }
        return b.toString().strip();
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
