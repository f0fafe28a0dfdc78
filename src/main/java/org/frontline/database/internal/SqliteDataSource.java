package org.frontline.database.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * Connections to the embedded SQLite file with the settings crash safety rests on: a write-ahead log
 * (a crash leaves the last committed state; readers never block the writer), {@code synchronous=FULL}
 * (a commit is on disk before it is answered), foreign keys on, a busy timeout for writers waiting their turn.
 */
public final class SqliteDataSource implements DataSource {
    /** How long a writer waits for another writer's transaction before failing (ms). */
    static final int BUSY_TIMEOUT_MS = 60_000;

    private final org.sqlite.SQLiteDataSource target;
    private final Path file;

    public SqliteDataSource(String jdbcUrl) {
        this.file = fileOf(jdbcUrl);
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the folder of the database " + file, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setCacheSize(-16_000); // KiB per connection
        config.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
        this.target = new org.sqlite.SQLiteDataSource(config);
        this.target.setUrl("jdbc:sqlite:" + file);
    }

    /** The database file named by a {@code jdbc:sqlite:} URL (a pooled in-memory database is refused). */
    static Path fileOf(String jdbcUrl) {
        String path = jdbcUrl.substring("jdbc:sqlite:".length());
        int q = path.indexOf('?');
        path = q < 0 ? path : path.substring(0, q);
        path = path.startsWith("file:") ? path.substring("file:".length()) : path;
        if (path.isBlank() || path.contains(":memory:") || jdbcUrl.contains("mode=memory")) {
            throw new IllegalArgumentException(
                    "the embedded database must be a file (jdbc:sqlite:path/to/file.db), got " + jdbcUrl);
        }
        return Path.of(path);
    }

    public Path file() {
        return file;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return SqliteJdbc.connection((SQLiteConnection) target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
