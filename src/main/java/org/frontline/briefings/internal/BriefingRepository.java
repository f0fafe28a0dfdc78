package org.frontline.briefings.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for briefings, their frames, editions and share links (the same SQL runs on SQLite and PostgreSQL). */
@Repository
class BriefingRepository {
    private static final String BRIEFING_COLS =
            "id, slug, title, summary, author, status, edition, record_time, created_at, updated_at";
    private static final String FRAME_COLS =
            "id, frame_order, title, frame_day, window_from, center_lat, center_lon, zoom, "
                    + "bbox, visible_layers, narrative, highlights, overlay, agreement";

    private static final TypeReference<List<Frame>> FRAMES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BriefingRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Briefing> list() {
        return jdbc.sql("SELECT " + BRIEFING_COLS + " FROM briefing ORDER BY updated_at DESC, id DESC")
                .query((rs, i) -> briefing(rs))
                .list();
    }

    Optional<Briefing> bySlug(String slug) {
        return jdbc.sql("SELECT " + BRIEFING_COLS + " FROM briefing WHERE slug = ?")
                .param(slug)
                .query((rs, i) -> briefing(rs))
                .optional()
                .map(b -> b.withFrames(frames(b.id())));
    }

    Optional<Briefing> byId(long id) {
        return jdbc.sql("SELECT " + BRIEFING_COLS + " FROM briefing WHERE id = ?")
                .param(id)
                .query((rs, i) -> briefing(rs))
                .optional()
                .map(b -> b.withFrames(frames(b.id())));
    }

    boolean slugTaken(String slug) {
        return jdbc.sql("SELECT count(*) FROM briefing WHERE slug = ?")
                        .param(slug)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insert(String slug, String title, String summary, String author) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO briefing (slug, title, summary, author, status) VALUES (?, ?, ?, ?, 'draft')")
                .params(slug, title, summary, author)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, String slug, String title, String summary) {
        jdbc.sql("UPDATE briefing SET slug = ?, title = ?, summary = ?, updated_at = ? WHERE id = ?")
                .params(slug, title, summary, odt(Instant.now()), id)
                .update();
    }

    void touch(long id) {
        jdbc.sql("UPDATE briefing SET updated_at = ? WHERE id = ?")
                .params(odt(Instant.now()), id)
                .update();
    }

    void delete(long id) {
        // explicit deletes: the cascade is there too, but SQLite and PostgreSQL then agree on the order
        jdbc.sql("DELETE FROM share_link WHERE briefing_id = ?").param(id).update();
        jdbc.sql("DELETE FROM briefing_edition WHERE briefing_id = ?").param(id).update();
        jdbc.sql("DELETE FROM briefing_frame WHERE briefing_id = ?").param(id).update();
        jdbc.sql("DELETE FROM briefing WHERE id = ?").param(id).update();
    }

    List<Frame> frames(long briefingId) {
        return jdbc.sql("SELECT " + FRAME_COLS + " FROM briefing_frame WHERE briefing_id = ? ORDER BY frame_order, id")
                .param(briefingId)
                .query((rs, i) -> frame(rs))
                .list();
    }

    long insertFrame(long briefingId, int position, Frame f) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO briefing_frame (briefing_id, frame_order, title, frame_day, window_from, center_lat, center_lon, "
                                + "zoom, bbox, visible_layers, narrative, highlights, overlay, agreement) "
                                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(
                        briefingId,
                        position,
                        f.title(),
                        f.day(),
                        f.windowFrom(),
                        f.centerLat(),
                        f.centerLon(),
                        f.zoom(),
                        join(f.bbox()),
                        join(f.layers()),
                        f.narrative(),
                        join(f.highlights()),
                        f.overlay(),
                        f.agreement())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void updateFrame(long frameId, Frame f) {
        jdbc.sql("UPDATE briefing_frame SET title = ?, frame_day = ?, window_from = ?, center_lat = ?, center_lon = ?, "
                        + "zoom = ?, bbox = ?, visible_layers = ?, narrative = ?, highlights = ?, overlay = ?, "
                        + "agreement = ? WHERE id = ?")
                .params(
                        f.title(),
                        f.day(),
                        f.windowFrom(),
                        f.centerLat(),
                        f.centerLon(),
                        f.zoom(),
                        join(f.bbox()),
                        join(f.layers()),
                        f.narrative(),
                        join(f.highlights()),
                        f.overlay(),
                        f.agreement(),
                        frameId)
                .update();
    }

    void setPosition(long frameId, int position) {
        jdbc.sql("UPDATE briefing_frame SET frame_order = ? WHERE id = ?")
                .params(position, frameId)
                .update();
    }

    void deleteFrame(long frameId) {
        jdbc.sql("DELETE FROM briefing_frame WHERE id = ?").param(frameId).update();
    }

    /** Records edition {@code edition} with a copy of what it shows (frames as a JSON array of Frame records). */
    void publish(long id, int edition, Instant recordTime, String user, String note, EditionSnapshot shown) {
        jdbc.sql("INSERT INTO briefing_edition (briefing_id, edition, record_time, published_by, note, title, summary, "
                        + "frames_json) VALUES (?,?,?,?,?,?,?,?)")
                .params(
                        id,
                        edition,
                        odt(recordTime),
                        user,
                        note,
                        shown.title(),
                        shown.summary(),
                        json.writeValueAsString(shown.frames()))
                .update();
        jdbc.sql("UPDATE briefing SET status = 'published', edition = ?, record_time = ?, updated_at = ? WHERE id = ?")
                .params(edition, odt(recordTime), odt(recordTime), id)
                .update();
    }

    List<Edition> editions(long id) {
        return jdbc.sql("SELECT edition, record_time, published_by, note FROM briefing_edition "
                        + "WHERE briefing_id = ? ORDER BY edition")
                .param(id)
                .query((rs, i) -> new Edition(rs.getInt(1), instant(rs, 2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** What edition {@code edition} showed when published; empty for editions published before snapshots (V31). */
    Optional<EditionSnapshot> snapshot(long briefingId, int edition) {
        return jdbc.sql("SELECT title, summary, frames_json FROM briefing_edition "
                        + "WHERE briefing_id = ? AND edition = ? AND frames_json IS NOT NULL")
                .params(briefingId, edition)
                .query((rs, i) ->
                        new EditionSnapshot(rs.getString(1), rs.getString(2), json.readValue(rs.getString(3), FRAMES)))
                .optional();
    }

    void insertShare(String token, long briefingId, String user) {
        jdbc.sql("INSERT INTO share_link (token, briefing_id, created_by, created_at) VALUES (?,?,?,?)")
                .params(token, briefingId, user, odt(Instant.now()))
                .update();
    }

    Optional<ShareLink> share(String token) {
        return jdbc.sql("SELECT token, briefing_id, created_by, created_at, revoked_at FROM share_link WHERE token = ?")
                .param(token)
                .query((rs, i) -> share(rs))
                .optional();
    }

    List<ShareLink> shares(long briefingId) {
        return jdbc.sql("SELECT token, briefing_id, created_by, created_at, revoked_at FROM share_link "
                        + "WHERE briefing_id = ? ORDER BY created_at")
                .param(briefingId)
                .query((rs, i) -> share(rs))
                .list();
    }

    int revokeShare(String token, long briefingId) {
        return jdbc.sql(
                        "UPDATE share_link SET revoked_at = ? WHERE token = ? AND briefing_id = ? AND revoked_at IS NULL")
                .params(odt(Instant.now()), token, briefingId)
                .update();
    }

    private static ShareLink share(ResultSet rs) throws SQLException {
        return new ShareLink(rs.getString(1), rs.getLong(2), rs.getString(3), instant(rs, 4), instant(rs, 5));
    }

    private static Briefing briefing(ResultSet rs) throws SQLException {
        return new Briefing(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getInt(7),
                instant(rs, 8),
                instant(rs, 9),
                instant(rs, 10),
                List.of());
    }

    private static Frame frame(ResultSet rs) throws SQLException {
        String bbox = rs.getString(9);
        return new Frame(
                rs.getLong(1),
                rs.getInt(2),
                rs.getString(3),
                rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class),
                rs.getDouble(6),
                rs.getDouble(7),
                rs.getInt(8),
                bbox == null || bbox.isEmpty()
                        ? null
                        : split(bbox).stream().map(Double::valueOf).toList(),
                split(rs.getString(10)),
                rs.getString(11),
                split(rs.getString(12)),
                rs.getString(13),
                rs.getString(14));
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime odt(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    private static String join(List<?> values) {
        return values == null ? null : values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
    }
}
