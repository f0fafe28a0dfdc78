package org.frontline.briefings.internal;

import java.security.Principal;
import java.util.List;
import org.frontline.briefings.internal.BriefingInputs.BriefingInput;
import org.frontline.briefings.internal.BriefingInputs.FrameInput;
import org.frontline.briefings.internal.BriefingInputs.PublishInput;
import org.frontline.briefings.internal.BriefingInputs.ReorderInput;
import org.frontline.briefings.internal.BriefingViews.FrameView;
import org.frontline.briefings.internal.BriefingViews.Full;
import org.frontline.briefings.internal.BriefingViews.ShareView;
import org.frontline.briefings.internal.BriefingViews.Summary;
import org.frontline.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** REST API of briefings: reading for viewers; changes (SecurityConfig: POST/PUT/DELETE on /api/**) for analysts. */
@RestController
@RequestMapping("/api/briefings")
class BriefingsController {
    private final BriefingService service;
    private final BriefingData data;
    private final Narratives md;

    BriefingsController(BriefingService service, BriefingData data, Narratives md) {
        this.service = service;
        this.data = data;
        this.md = md;
    }

    @GetMapping
    List<Summary> list() {
        return service.list().stream().map(Summary::of).toList();
    }

    @GetMapping("/{slug}")
    Full get(@PathVariable String slug) {
        return full(service.get(slug));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Full create(@RequestBody BriefingInput in, Principal user) {
        return full(service.create(in, user.getName()));
    }

    @PutMapping("/{slug}")
    Full update(@PathVariable String slug, @RequestBody BriefingInput in, Authentication auth) {
        editor(slug, auth);
        return full(service.update(slug, in));
    }

    @DeleteMapping("/{slug}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String slug, Authentication auth) {
        editor(slug, auth);
        service.delete(slug);
    }

    @PostMapping("/{slug}/frames")
    @ResponseStatus(HttpStatus.CREATED)
    FrameView addFrame(@PathVariable String slug, @RequestBody FrameInput in, Authentication auth) {
        editor(slug, auth);
        Frame f = service.addFrame(slug, in);
        return FrameView.of(f, service.get(slug).frames().indexOf(f) + 1, md);
    }

    @PutMapping("/{slug}/frames/{frameId}")
    FrameView updateFrame(
            @PathVariable String slug, @PathVariable long frameId, @RequestBody FrameInput in, Authentication auth) {
        editor(slug, auth);
        Frame f = service.updateFrame(slug, frameId, in);
        return FrameView.of(f, service.get(slug).frames().indexOf(f) + 1, md);
    }

    @DeleteMapping("/{slug}/frames/{frameId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteFrame(@PathVariable String slug, @PathVariable long frameId, Authentication auth) {
        editor(slug, auth);
        service.deleteFrame(slug, frameId);
    }

    @PutMapping("/{slug}/frames/order")
    Full reorder(@PathVariable String slug, @RequestBody ReorderInput in, Authentication auth) {
        editor(slug, auth);
        return full(service.reorder(slug, in == null ? null : in.frameIds()));
    }

    @PostMapping("/{slug}/publish")
    Full publish(
            @PathVariable String slug,
            @RequestBody(required = false) PublishInput in,
            Principal user,
            Authentication auth) {
        editor(slug, auth);
        return full(service.publish(slug, user.getName(), in == null ? null : in.note()));
    }

    @GetMapping("/{slug}/shares")
    List<ShareView> shares(@PathVariable String slug, Authentication auth) {
        // tokens open the briefing to anyone: only those who may create them may list them
        boolean analyst = auth != null
                && auth.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_ANALYST")
                                || a.getAuthority().equals("ROLE_ADMIN"));
        if (!analyst) {
            throw new AccessDeniedException("Listing share links needs the ANALYST role");
        }
        return service.shares(service.get(slug)).stream().map(ShareView::of).toList();
    }

    @PostMapping("/{slug}/shares")
    @ResponseStatus(HttpStatus.CREATED)
    ShareView share(@PathVariable String slug, Principal user, Authentication auth) {
        editor(slug, auth);
        return ShareView.of(service.share(slug, user.getName()));
    }

    @DeleteMapping("/{slug}/shares/{token}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String slug, @PathVariable String token, Authentication auth) {
        editor(slug, auth);
        service.revoke(slug, token);
    }

    /** The player's data: frames, layer styles, basemap; then each frame's pinned features. */
    @GetMapping("/{slug}/data")
    ObjectNode meta(@PathVariable String slug) {
        return data.meta(service.playback(slug));
    }

    @GetMapping("/{slug}/data/frames/{n}")
    ObjectNode frame(@PathVariable String slug, @PathVariable int n) {
        return frameData(service.playback(slug), n, data);
    }

    /** The editor's preview: the live frames, edits not yet published included, on the current data. */
    @GetMapping("/{slug}/preview/data")
    ObjectNode previewMeta(@PathVariable String slug) {
        return data.meta(service.get(slug).asDraft());
    }

    @GetMapping("/{slug}/preview/data/frames/{n}")
    ObjectNode previewFrame(@PathVariable String slug, @PathVariable int n) {
        return frameData(service.get(slug).asDraft(), n, data);
    }

    /** An earlier edition keeps playing the data as it was known when that edition was published. */
    @GetMapping("/{slug}/editions/{edition}/data")
    ObjectNode editionMeta(@PathVariable String slug, @PathVariable int edition) {
        return data.meta(service.edition(slug, edition));
    }

    @GetMapping("/{slug}/editions/{edition}/data/frames/{n}")
    ObjectNode editionFrame(@PathVariable String slug, @PathVariable int edition, @PathVariable int n) {
        return frameData(service.edition(slug, edition), n, data);
    }

    static ObjectNode frameData(Briefing b, int n, BriefingData data) {
        if (n < 1 || n > b.frames().size()) {
            throw new NotFoundException("Briefing '" + b.slug() + "' has no frame " + n + " (it has "
                    + b.frames().size() + ")");
        }
        return data.frameData(b, n - 1);
    }

    private void editor(String slug, Authentication auth) {
        boolean admin = auth != null
                && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        service.requireEditor(slug, auth == null ? null : auth.getName(), admin);
    }

    private Full full(Briefing b) {
        return Full.of(b, service.editions(b), md);
    }
}
