package org.frontline.database.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's "database closed itself": H2 keeps its file in an NIO FileChannel, which the JDK closes when a thread
 * using it is interrupted; H2 then answers "The database has been closed [90098]" on every connection that was open
 * (a pool's), CHECK constraints included. The embedded SQLite does its own file I/O: an interrupted writer leaves
 * the database, and the connections a pool holds, working.
 */
class InterruptedWriterTest {
    @Test
    void aWriterInterruptedMidWriteLeavesTheDatabaseAndOtherConnectionsWorking(@TempDir Path dir) throws Exception {
        SqliteDataSource db = new SqliteDataSource("jdbc:sqlite:" + dir.resolve("t.db"));
        try (Connection c = db.getConnection()) {
            c.createStatement()
                    .execute("CREATE TABLE report_candidate (id INTEGER PRIMARY KEY, body TEXT, "
                            + "status TEXT NOT NULL CHECK (status IN ('pending', 'accepted')))");
        }
        Connection pooled = db.getConnection(); // opened before the interrupt, as a pool holds it
        AtomicInteger written = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (Connection w = db.getConnection();
                    PreparedStatement ps =
                            w.prepareStatement("INSERT INTO report_candidate (body, status) VALUES (?, 'pending')")) {
                while (!Thread.currentThread().isInterrupted() || written.get() < 20) {
                    ps.setString(1, "x".repeat(5000));
                    ps.executeUpdate();
                    written.incrementAndGet();
                }
            } catch (Exception e) {
                failure.set(e);
            }
        });
        writer.start();
        while (written.get() < 10 && writer.isAlive()) {
            Thread.sleep(5);
        }
        writer.interrupt();
        writer.join(60_000);
        assertThat(failure.get()).as("the interrupted writer's own statements").isNull();

        try (PreparedStatement ps =
                pooled.prepareStatement("INSERT INTO report_candidate (body, status) VALUES ('after', 'accepted')")) {
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        try (ResultSet rs = pooled.createStatement().executeQuery("SELECT count(*) FROM report_candidate")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(written.get() + 1);
        }
        pooled.close();
    }
}
