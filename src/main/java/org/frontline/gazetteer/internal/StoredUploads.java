package org.frontline.gazetteer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gazetteer uploads in the database (tables gazetteer_upload and gazetteer_upload_chunk, V91): the one copy every
 * app instance reads, in chunks of {@link #CHUNK} bytes so that no file is ever whole in memory.
 */
@Repository
class StoredUploads {
    static final int CHUNK = 1 << 20;

    private final JdbcTemplate jdbc;

    StoredUploads(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** One stored upload: its format, the name it is kept under and its size. */
    record Stored(long id, String format, String name, long bytes) {}

    /** Stores a checked file, replacing the upload of the same format and name; all or nothing. */
    @Transactional
    void save(String format, String name, Path file, String user) {
        jdbc.update(
                "DELETE FROM gazetteer_upload_chunk WHERE upload_id IN "
                        + "(SELECT id FROM gazetteer_upload WHERE format = ? AND stored_name = ?)",
                format,
                name);
        jdbc.update("DELETE FROM gazetteer_upload WHERE format = ? AND stored_name = ?", format, name);
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.update(
                    c -> {
                        PreparedStatement ps = c.prepareStatement(
                                "INSERT INTO gazetteer_upload (format, stored_name, bytes, uploaded_by, uploaded_at) "
                                        + "VALUES (?, ?, ?, ?, ?)",
                                new String[] {"id"});
                        ps.setString(1, format);
                        ps.setString(2, name);
                        ps.setLong(3, size);
                        ps.setString(4, user);
                        ps.setObject(5, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
                        return ps;
                    },
                    key);
            long id = key.getKey().longValue();
            byte[] buffer = new byte[CHUNK];
            for (int seq = 0; ; seq++) {
                int n = in.readNBytes(buffer, 0, CHUNK);
                if (n == 0) break;
                byte[] chunk = n == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, n);
                jdbc.update(
                        "INSERT INTO gazetteer_upload_chunk (upload_id, seq, data) VALUES (?, ?, ?)", id, seq, chunk);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Stored> list() {
        return jdbc.query(
                "SELECT id, format, stored_name, bytes FROM gazetteer_upload ORDER BY id",
                (rs, i) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
    }

    /** What changes whenever an upload is stored or replaced: the newest id and the count. */
    String version() {
        return jdbc.queryForObject(
                "SELECT COALESCE(MAX(id), 0) || '/' || COUNT(*) FROM gazetteer_upload", String.class);
    }

    /** Writes an upload's bytes to {@code out}, chunk by chunk. */
    @Transactional(readOnly = true)
    void copy(long id, OutputStream out) {
        jdbc.query(
                c -> {
                    PreparedStatement ps = c.prepareStatement(
                            "SELECT data FROM gazetteer_upload_chunk WHERE upload_id = ? ORDER BY seq");
                    ps.setLong(1, id);
                    ps.setFetchSize(1);
                    return ps;
                },
                (ResultSet rs) -> {
                    try {
                        out.write(rs.getBytes(1));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
