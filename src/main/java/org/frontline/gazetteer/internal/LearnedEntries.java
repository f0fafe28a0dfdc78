package org.frontline.gazetteer.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.gazetteer.GazetteerLearning;
import org.frontline.gazetteer.LearnedEntry;
import org.frontline.gazetteer.NameFolding;
import org.frontline.gazetteer.Place;
import org.frontline.geo.GeodesicMeasure;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learned gazetteer entries in the database (table {@code gazetteer_entry}); every change is put into the
 * in-memory gazetteer at once, and all of them at start.
 */
@Repository
public class LearnedEntries implements GazetteerLearning {

    private static final String COLUMNS = "id, name, alternate_names, lat, lon, feature_class, feature_code, country, "
            + "admin1, created_by, report_id, replaces_id, note, created_at, updated_at";
    private final JdbcTemplate jdbc;
    private final Gazetteer gazetteer;

    public LearnedEntries(DataSource dataSource, Gazetteer gazetteer) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.gazetteer = gazetteer;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadAtStart() {
        gazetteer.setLearned(list());
    }

    /** What changes whenever an entry is added, changed or removed (see GazetteerSync). */
    String version() {
        return jdbc.queryForObject(
                "SELECT COALESCE(MAX(id), 0) || '/' || COUNT(*) || '/' || COALESCE(CAST(MAX(updated_at) AS TEXT), '') "
                        + "FROM gazetteer_entry",
                String.class);
    }

    public List<LearnedEntry> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM gazetteer_entry ORDER BY id", LearnedEntries::row);
    }

    public Optional<LearnedEntry> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM gazetteer_entry WHERE id = ?", LearnedEntries::row, id).stream()
                .findFirst();
    }

    /** Stores a checked draft (see {@link LearnedEntry.Draft#problem()}) and teaches the gazetteer. */
    @Transactional
    public LearnedEntry create(LearnedEntry.Draft d, String user) {
        Place near = gazetteer.nearestArea(d.lat(), d.lon());
        String country =
                d.country() != null && !d.country().isEmpty() ? d.country() : near == null ? "" : near.country();
        String admin1 = near == null || !near.country().equals(country) ? "" : near.admin1();
        KeyHolder key = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(Instant.now());
        Object[] args = {
            d.name().strip(),
            alternates(d),
            d.lat(),
            d.lon(),
            country,
            admin1,
            user,
            d.reportId(),
            d.replaces(),
            d.note() == null ? "" : d.note(),
            now,
            now
        };
        jdbc.update(
                con -> {
                    PreparedStatement ps = con.prepareStatement(
                            "INSERT INTO gazetteer_entry (name, alternate_names, lat, lon, "
                                    + "country, admin1, created_by, report_id, replaces_id, note, created_at, updated_at) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    for (int k = 0; k < args.length; k++) ps.setObject(k + 1, args[k]);
                    return ps;
                },
                key);
        long id = key.getKey().longValue();
        refresh();
        return find(id).orElseThrow();
    }

    @Override
    @Transactional
    public LearnedEntry learnCorrection(LearnedEntry.Draft d, String analyst) {
        if (d.replaces() != null && LearnedEntry.isLearned(d.replaces())) {
            // this report's earlier correction was itself wrong: move it rather than stack a second one
            Optional<LearnedEntry> earlier = find(-d.replaces() - LearnedEntry.LEARNED_BASE)
                    .filter(e -> e.reportId() != null && e.reportId().equals(d.reportId()));
            if (earlier.isPresent()) {
                LearnedEntry e = earlier.get();
                return update(
                                e.id(),
                                new LearnedEntry.Draft(
                                        e.name(),
                                        d.lat(),
                                        d.lon(),
                                        e.alternateNames(),
                                        null,
                                        e.reportId(),
                                        d.note(),
                                        e.replaces()))
                        .orElseThrow();
            }
        }
        String family = NameFolding.familyKey(d.name());
        for (LearnedEntry e : list()) {
            boolean sameSpelling =
                    e.names().stream().anyMatch(n -> NameFolding.familyKey(n).equals(family));
            if (sameSpelling && GeodesicMeasure.distanceKm(e.lon(), e.lat(), d.lon(), d.lat()) <= SAME_PLACE_KM)
                return e;
        }
        return create(d, analyst);
    }

    @Transactional
    public Optional<LearnedEntry> update(long id, LearnedEntry.Draft d) {
        int n = jdbc.update(
                "UPDATE gazetteer_entry SET name = ?, alternate_names = ?, lat = ?, lon = ?, "
                        + "country = COALESCE(NULLIF(?, ''), country), note = COALESCE(?, note), "
                        + "updated_at = ? WHERE id = ?",
                d.name().strip(),
                alternates(d),
                d.lat(),
                d.lon(),
                d.country() == null ? "" : d.country(),
                d.note(),
                Timestamp.from(Instant.now()),
                id);
        if (n == 0) return Optional.empty();
        refresh();
        return find(id);
    }

    @Transactional
    public boolean delete(long id) {
        boolean gone = jdbc.update("DELETE FROM gazetteer_entry WHERE id = ?", id) > 0;
        if (gone) refresh();
        return gone;
    }

    /** Moves every spelling of {@code from} into {@code into} and deletes {@code from}; empty if either is missing. */
    @Transactional
    public Optional<LearnedEntry> merge(long from, long into) {
        Optional<LearnedEntry> a = find(from);
        Optional<LearnedEntry> b = find(into);
        if (a.isEmpty() || b.isEmpty() || from == into) return Optional.empty();
        Set<String> names = new LinkedHashSet<>(b.get().alternateNames());
        names.addAll(a.get().names());
        names.remove(b.get().name());
        jdbc.update(
                "UPDATE gazetteer_entry SET alternate_names = ?, updated_at = ? WHERE id = ?",
                String.join(",", names),
                Timestamp.from(Instant.now()),
                into);
        jdbc.update("DELETE FROM gazetteer_entry WHERE id = ?", from);
        refresh();
        return find(into);
    }

    private void refresh() {
        gazetteer.setLearned(list());
    }

    private static String alternates(LearnedEntry.Draft d) {
        if (d.alternateNames() == null) return "";
        return String.join(
                ",",
                d.alternateNames().stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList());
    }

    private static LearnedEntry row(ResultSet rs, int i) throws SQLException {
        String alts = rs.getString("alternate_names");
        long report = rs.getLong("report_id");
        Long reportId = rs.wasNull() ? null : report;
        long replacing = rs.getLong("replaces_id");
        Long replaces = rs.wasNull() ? null : replacing;
        return new LearnedEntry(
                rs.getLong("id"),
                rs.getString("name"),
                alts == null || alts.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(alts.split(","))),
                rs.getDouble("lat"),
                rs.getDouble("lon"),
                rs.getString("feature_class"),
                rs.getString("feature_code"),
                rs.getString("country"),
                rs.getString("admin1"),
                rs.getString("created_by"),
                reportId,
                replaces,
                rs.getString("note"),
                utc(rs.getTimestamp("created_at")),
                utc(rs.getTimestamp("updated_at")));
    }

    private static OffsetDateTime utc(Timestamp t) {
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
    }
}
