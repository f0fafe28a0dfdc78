package org.frontline.layers.internal;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Layer definitions (without their time extent, which FeatureRepository computes). */
@Repository
class LayerRepository {
    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    LayerRepository(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.dialect = SqlDialect.of(dataSource);
    }

    List<Layer> all() {
        return jdbc.query(
                "SELECT id, title, kind, style, sort_order FROM layer ORDER BY sort_order, id",
                (rs, i) -> new Layer(
                        rs.getString(1),
                        rs.getString(2),
                        LayerKind.fromCode(rs.getString(3)),
                        rs.getString(4),
                        rs.getInt(5),
                        null,
                        null));
    }

    Optional<Layer> find(String id) {
        return jdbc
                .query(
                        "SELECT id, title, kind, style, sort_order FROM layer WHERE id = ?",
                        (rs, i) -> new Layer(
                                rs.getString(1),
                                rs.getString(2),
                                LayerKind.fromCode(rs.getString(3)),
                                rs.getString(4),
                                rs.getInt(5),
                                null,
                                null),
                        id)
                .stream()
                .findFirst();
    }

    void insert(String id, String title, LayerKind kind, String style, int sortOrder) {
        jdbc.update(
                "INSERT INTO layer (id, title, kind, style, sort_order) VALUES (?, ?, ?, ?, ?)",
                id,
                title,
                kind.code(),
                style,
                sortOrder);
    }

    /**
     * Serialises writers of one layer (held until the transaction ends), so overlap checks stay true. On SQLite
     * the write transaction already holds the database's single write lock (it began IMMEDIATE).
     */
    void lock(String id) {
        if (dialect == SqlDialect.POSTGIS) {
            jdbc.queryForList("SELECT id FROM layer WHERE id = ? FOR UPDATE", String.class, id);
        }
    }

    int count() {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM layer", Integer.class);
        return n == null ? 0 : n;
    }
}
