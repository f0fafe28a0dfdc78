package org.frontline.briefings.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.frontline.style.DateWords;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.node.ObjectNode;

/**
 * Briefing pages: the list, playback, the editor, exports, and the read-only share link /s/{token} whose page
 * and data come from /s/{token}/... so that people without an account can play it (permitAll for /s/**).
 */
@Controller
class BriefingPagesController {
    private final BriefingService service;
    private final BriefingData data;
    private final Narratives md;
    private final HtmlExport htmlExport;
    private final PdfExport pdfExport;
    private final PdfCache pdfCache;
    private final FrameAgreement agreements;

    BriefingPagesController(
            BriefingService service,
            BriefingData data,
            Narratives md,
            HtmlExport htmlExport,
            PdfExport pdfExport,
            PdfCache pdfCache,
            FrameAgreement agreements) {
        this.pdfCache = pdfCache;
        this.agreements = agreements;
        this.service = service;
        this.data = data;
        this.md = md;
        this.htmlExport = htmlExport;
        this.pdfExport = pdfExport;
    }

    /** A frame as the page shows it; narrativeHtml is the sanitised Markdown rendering (see Narratives). */
    record PageFrame(int n, String title, String day, String narrativeHtml, AgreementView agreement) {}

    /**
     * The agreement a frame names: its name, the clauses in force on the frame's day, the breaches of the frame's
     * window, and the weekly breach chart as SVG (our own markup, every data text escaped; see BreachChartSvg).
     */
    record AgreementView(
            String id, String name, List<String> clauses, long breaches, String breachLine, String chartSvg) {}

    /** A link to an edition, titled with its record time in words. */
    record EditionLink(int edition, String knownAt) {}

    static List<PageFrame> pageFrames(Briefing b, Narratives md, FrameAgreement agreements) {
        List<PageFrame> out = new ArrayList<>();
        for (int i = 0; i < b.frames().size(); i++) {
            Frame f = b.frames().get(i);
            FrameAgreement.State s = agreements.of(b, f);
            AgreementView view = s == null
                    ? null
                    : new AgreementView(
                            s.id(), s.name(), s.clauses(), s.breaches(), s.breachLine(), BreachChartSvg.svg(s));
            out.add(new PageFrame(i + 1, f.title(), DateWords.day(f.day()), md.html(f.narrative()), view));
        }
        return out;
    }

    /** "data as known at 23 August 2019, 10:00 UTC" for a published edition; null for a draft. */
    static String knownAt(Briefing b) {
        return b.published() && b.recordTime() != null ? "data as known at " + DateWords.instant(b.recordTime()) : null;
    }

    @GetMapping("/briefings")
    String list(Model model) {
        model.addAttribute("briefings", service.list());
        return "briefings/list";
    }

    @GetMapping("/briefings/{slug}")
    String play(@PathVariable String slug, Model model) {
        Briefing b = service.playback(slug);
        player(model, b, "/api/briefings/" + b.slug() + "/data", false);
        return "briefings/play";
    }

    /** The editor's preview: the live frames (edits not yet published) on the current data, like a draft. */
    @GetMapping("/briefings/{slug}/preview")
    String preview(@PathVariable String slug, Model model) {
        Briefing b = service.get(slug).asDraft();
        player(model, b, "/api/briefings/" + b.slug() + "/preview/data", false);
        return "briefings/play";
    }

    @GetMapping("/briefings/{slug}/editions/{edition}")
    String playEdition(@PathVariable String slug, @PathVariable int edition, Model model) {
        Briefing b = service.edition(slug, edition);
        player(model, b, "/api/briefings/" + b.slug() + "/editions/" + edition + "/data", false);
        return "briefings/play";
    }

    @GetMapping("/briefings/{slug}/edit")
    String edit(@PathVariable String slug, Model model) {
        model.addAttribute("briefing", service.get(slug));
        return "briefings/edit";
    }

    @GetMapping("/s/{token}")
    String shared(@PathVariable String token, Model model) {
        Briefing b = service.shared(token);
        player(model, b, "/s/" + token + "/data", true);
        return "briefings/play";
    }

    @GetMapping("/s/{token}/data")
    @ResponseBody
    ObjectNode sharedMeta(@PathVariable String token) {
        return data.meta(service.shared(token));
    }

    @GetMapping("/s/{token}/data/frames/{n}")
    @ResponseBody
    ObjectNode sharedFrame(@PathVariable String token, @PathVariable int n) {
        return BriefingsController.frameData(service.shared(token), n, data);
    }

    @GetMapping("/briefings/{slug}/export.html")
    ResponseEntity<byte[]> exportHtml(@PathVariable String slug) {
        Briefing b = service.playback(slug);
        return download(htmlExport.render(b).getBytes(StandardCharsets.UTF_8), MediaType.TEXT_HTML, b.slug() + ".html");
    }

    @GetMapping("/briefings/{slug}/export.pdf")
    ResponseEntity<byte[]> exportPdf(@PathVariable String slug) {
        Briefing b = service.playback(slug);
        return download(pdfCache.get(b, () -> pdfExport.render(b)), MediaType.APPLICATION_PDF, b.slug() + ".pdf");
    }

    private void player(Model model, Briefing b, String dataUrl, boolean shared) {
        model.addAttribute("briefing", b);
        model.addAttribute("frames", pageFrames(b, md, agreements));
        model.addAttribute("knownAt", knownAt(b));
        model.addAttribute("dataUrl", dataUrl);
        model.addAttribute("shared", shared);
        model.addAttribute(
                "editions",
                shared
                        ? List.of()
                        : service.editions(b).stream()
                                .map(e -> new EditionLink(
                                        e.edition(), "data as known at " + DateWords.instant(e.recordTime())))
                                .toList());
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }
}
