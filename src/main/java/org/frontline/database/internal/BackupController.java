package org.frontline.database.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.frontline.web.ConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Online backup of the embedded database (ADMIN, under /api/admin/**): {@code VACUUM INTO} writes a consistent,
 * compacted copy of one read snapshot while the app keeps serving and writing, into {@code backups/} beside the
 * database file. The copy is a complete SQLite database: restoring is replacing the file (README, "After a crash").
 */
@RestController
class BackupController {
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'frontline-'uuuuMMdd'-'HHmmss-SSS'.db'")
            .withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final Clock clock = Clock.systemUTC();

    BackupController(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @PostMapping("/api/admin/backup")
    @ResponseStatus(HttpStatus.CREATED)
    synchronized Map<String, Object> backup() throws IOException, SQLException {
        if (!dataSource.isWrapperFor(SqliteDataSource.class)) {
            throw new ConflictException("online backup is for the embedded database; back up PostgreSQL with pg_dump "
                    + "or pg_basebackup");
        }
        Path db = dataSource.unwrap(SqliteDataSource.class).file().toAbsolutePath();
        Path dir = Files.createDirectories(db.getParent().resolve("backups"));
        Path target = dir.resolve(NAME.format(clock.instant()));
        long t0 = System.nanoTime();
        new JdbcTemplate(dataSource).update("VACUUM INTO ?", target.toString());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", target.getFileName().toString());
        out.put("path", target.toString());
        out.put("bytes", Files.size(target));
        out.put("millis", (System.nanoTime() - t0) / 1_000_000);
        return out;
    }
}
