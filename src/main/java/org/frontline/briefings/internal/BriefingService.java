package org.frontline.briefings.internal;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.frontline.briefings.internal.BriefingInputs.BriefingInput;
import org.frontline.briefings.internal.BriefingInputs.FrameInput;
import org.frontline.web.BadInputException;
import org.frontline.web.ConflictException;
import org.frontline.web.ForbiddenException;
import org.frontline.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** Creates, edits, publishes and shares briefings. Every change is one transaction: all of it or nothing. */
@Service
public class BriefingService {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Frames one briefing may hold: bounds the work of playing, exporting and printing it. */
    public static final int MAX_FRAMES = 60;

    private final BriefingRepository repo;
    private final FrameRules rules;

    BriefingService(BriefingRepository repo, FrameRules rules) {
        this.repo = repo;
        this.rules = rules;
    }

    public List<Briefing> list() {
        return repo.list();
    }

    public Briefing get(String slug) {
        return repo.bySlug(slug).orElseThrow(() -> new NotFoundException("No briefing '" + slug + "'"));
    }

    /**
     * Ownership: a briefing's author and admins change, publish, share and delete it; everyone else only reads
     * it. Returns the briefing, or refuses with 403 naming the author.
     */
    public Briefing requireEditor(String slug, String user, boolean admin) {
        Briefing b = get(slug);
        if (!admin && (user == null || !user.equals(b.author()))) {
            throw new ForbiddenException("Briefing '" + slug + "' belongs to " + b.author()
                    + "; only its author or an admin may change, publish, share or delete it");
        }
        return b;
    }

    public List<Edition> editions(Briefing b) {
        return repo.editions(b.id());
    }

    /**
     * What readers see: a published briefing as its current edition was published (title, summary, frames and the
     * data as of its record time); a draft as it stands. The editor reads {@link #get} (the live frames) instead.
     */
    public Briefing playback(String slug) {
        return asPublished(get(slug));
    }

    /** The briefing as published in edition {@code n}: that edition's frames, data read as of its record time. */
    public Briefing edition(String slug, int n) {
        Briefing b = get(slug);
        return repo.editions(b.id()).stream()
                .filter(e -> e.edition() == n)
                .findFirst()
                .map(e -> shown(b.atEdition(e)))
                .orElseThrow(() -> new NotFoundException(
                        "Briefing '" + slug + "' has no edition " + n + " (latest: " + b.edition() + ")"));
    }

    private Briefing asPublished(Briefing b) {
        return b.published() ? shown(b) : b;
    }

    /** {@code b} (set to one of its editions) with that edition's copy of the texts and frames, if it has one. */
    private Briefing shown(Briefing b) {
        return repo.snapshot(b.id(), b.edition()).map(b::withSnapshot).orElse(b); // none: published before V31
    }

    @Transactional
    public Briefing create(BriefingInput in, String user) {
        String title = title(in.title());
        String slug = in.slug() == null || in.slug().isBlank() ? freeSlug(slugOf(title)) : checkedSlug(in.slug(), null);
        long id = repo.insert(slug, title, summary(in.summary()), user);
        return repo.byId(id).orElseThrow();
    }

    @Transactional
    public Briefing update(String slug, BriefingInput in) {
        Briefing b = get(slug);
        String newSlug = in.slug() == null || in.slug().equals(b.slug()) ? b.slug() : checkedSlug(in.slug(), b);
        repo.update(
                b.id(),
                newSlug,
                in.title() == null ? b.title() : title(in.title()),
                in.summary() == null ? b.summary() : summary(in.summary()));
        return repo.byId(b.id()).orElseThrow();
    }

    @Transactional
    public void delete(String slug) {
        repo.delete(get(slug).id());
    }

    @Transactional
    public Frame addFrame(String slug, FrameInput in) {
        Briefing b = get(slug);
        if (b.frames().size() >= MAX_FRAMES) {
            throw new BadInputException(
                    "Briefing '" + slug + "' has " + b.frames().size() + " frames, the most a" + " briefing may have ("
                            + MAX_FRAMES + "); split it into several briefings");
        }
        Frame f = rules.check(in, null);
        int position = b.frames().stream().mapToInt(Frame::position).max().orElse(0) + 1;
        long id = repo.insertFrame(b.id(), position, f);
        repo.touch(b.id());
        return frame(b.id(), id);
    }

    @Transactional
    public Frame updateFrame(String slug, long frameId, FrameInput in) {
        Briefing b = get(slug);
        Frame f = rules.check(in, frameOf(b, frameId));
        repo.updateFrame(frameId, f);
        repo.touch(b.id());
        return frame(b.id(), frameId);
    }

    @Transactional
    public void deleteFrame(String slug, long frameId) {
        Briefing b = get(slug);
        frameOf(b, frameId);
        if (b.published() && b.frames().size() == 1) {
            throw new ConflictException("Frame " + frameId + " is the only frame of published briefing '" + slug
                    + "'; a published briefing cannot be empty");
        }
        repo.deleteFrame(frameId);
        repo.touch(b.id());
    }

    /** Puts the frames in the given order; the list must name every frame of the briefing exactly once. */
    @Transactional
    public Briefing reorder(String slug, List<Long> frameIds) {
        Briefing b = get(slug);
        if (frameIds == null) {
            throw new BadInputException("'frameIds' is required: every frame id of the briefing in the new order");
        }
        Set<Long> existing = new HashSet<>();
        b.frames().forEach(f -> existing.add(f.id()));
        Set<Long> seen = new HashSet<>();
        for (Long id : frameIds) {
            if (id == null || !existing.contains(id)) {
                throw new BadInputException(
                        "'frameIds' names frame " + id + ", which is not a frame of '" + slug + "'");
            }
            if (!seen.add(id)) {
                throw new BadInputException("'frameIds' names frame " + id + " twice");
            }
        }
        if (seen.size() != existing.size()) {
            existing.removeAll(seen);
            throw new BadInputException("'frameIds' leaves out frames " + existing + "; name every frame once");
        }
        for (int i = 0; i < frameIds.size(); i++) {
            repo.setPosition(frameIds.get(i), i + 1);
        }
        repo.touch(b.id());
        return repo.byId(b.id()).orElseThrow();
    }

    /**
     * Pins the data as known now (a new edition whose record time every later read uses as asOf) and fixes what the
     * edition shows: its title, summary and frames are copied into it, so later edits wait for the next edition.
     */
    @Transactional
    public Briefing publish(String slug, String user, String note) {
        Briefing b = get(slug);
        if (b.frames().isEmpty()) {
            throw new BadInputException("Briefing '" + slug + "' has no frames; add at least one before publishing");
        }
        if (note != null && note.length() > 1000) {
            throw new BadInputException("Publication 'note' is longer than 1000 characters");
        }
        repo.publish(
                b.id(),
                b.edition() + 1,
                Instant.now(),
                user,
                note,
                new EditionSnapshot(b.title(), b.summary(), b.frames()));
        return repo.byId(b.id()).orElseThrow();
    }

    @Transactional
    public ShareLink share(String slug, String user) {
        Briefing b = get(slug);
        if (!b.published()) {
            throw new ConflictException("Briefing '" + slug + "' is a draft; publish it before sharing it");
        }
        byte[] bytes = new byte[16]; // 128 random bits
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        repo.insertShare(token, b.id(), user);
        return repo.share(token).orElseThrow();
    }

    public List<ShareLink> shares(Briefing b) {
        return repo.shares(b.id());
    }

    @Transactional
    public void revoke(String slug, String token) {
        Briefing b = get(slug);
        if (repo.revokeShare(token, b.id()) == 0) {
            throw new NotFoundException("Briefing '" + slug + "' has no active share link '" + token + "'");
        }
    }

    /** The published briefing behind a share token; unknown → 404, revoked → 410. */
    public Briefing shared(String token) {
        ShareLink link =
                token == null || token.length() > 64 ? null : repo.share(token).orElse(null);
        if (link == null) {
            throw new NotFoundException("This share link does not exist");
        }
        if (link.revokedAt() != null) {
            throw new ResponseStatusException(HttpStatus.GONE, "This share link was revoked on " + link.revokedAt());
        }
        return repo.byId(link.briefingId())
                .filter(Briefing::published)
                .map(this::asPublished)
                .orElseThrow(() -> new NotFoundException("This share link does not lead to a published briefing"));
    }

    private Frame frame(long briefingId, long frameId) {
        return repo.frames(briefingId).stream()
                .filter(f -> f.id() == frameId)
                .findFirst()
                .orElseThrow();
    }

    private static Frame frameOf(Briefing b, long frameId) {
        return b.frames().stream()
                .filter(f -> f.id() == frameId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Briefing '" + b.slug() + "' has no frame " + frameId));
    }

    private static String title(String t) {
        if (t == null || t.isBlank()) {
            throw new BadInputException("Briefing 'title' is required");
        }
        if (t.length() > 300) {
            throw new BadInputException("Briefing 'title' is longer than 300 characters");
        }
        return t.strip();
    }

    private static String summary(String s) {
        if (s != null && s.length() > 4000) {
            throw new BadInputException("Briefing 'summary' is longer than 4000 characters");
        }
        return s == null ? "" : s.strip();
    }

    private String checkedSlug(String slug, Briefing self) {
        if (!slug.matches("[a-z0-9][a-z0-9-]{0,99}")) {
            throw new BadInputException("Briefing 'slug' '" + slug + "' must be lower-case letters, digits and dashes");
        }
        if (repo.slugTaken(slug) && (self == null || !self.slug().equals(slug))) {
            throw new ConflictException("Briefing 'slug' '" + slug + "' is already taken");
        }
        return slug;
    }

    static String slugOf(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 80) {
            s = s.substring(0, 80).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "briefing" : s;
    }

    private String freeSlug(String base) {
        String slug = base;
        for (int n = 2; repo.slugTaken(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
