package org.frontline.scaleout.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Connections for read-only transactions: the replica's, unless the replica is down or the current session wrote
 * something the replica has not replayed yet. Then it waits up to {@code maxWaitMs} for the replica to pass the
 * session's last write position (LSN), and otherwise reads the primary.
 */
class ReadYourWritesDataSource extends DelegatingDataSource {
    private final DataSource primary;
    private final ReplicaState state;
    private final long maxWaitMs;

    ReadYourWritesDataSource(DataSource replica, DataSource primary, ReplicaState state, long maxWaitMs) {
        super(replica);
        this.primary = primary;
        this.state = state;
        this.maxWaitMs = maxWaitMs;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!state.up()) {
            return primary.getConnection();
        }
        Connection c;
        try {
            c = obtainTargetDataSource().getConnection();
        } catch (SQLException e) {
            // the pool is busy or the replica just went away: this read goes to the primary, the check decides
            return primary.getConnection();
        }
        String lsn = LastWrite.required();
        if (lsn == null) {
            return c;
        }
        try {
            if (caughtUp(c, lsn)) {
                return c;
            }
        } catch (SQLException e) {
            // the replica stopped answering mid-check: read the primary; the scheduled check decides about the state
        }
        c.close();
        return primary.getConnection();
    }

    /** True once the replica has replayed up to {@code lsn}; polls until maxWaitMs has passed. */
    private boolean caughtUp(Connection c, String lsn) throws SQLException {
        long deadline = System.nanoTime() + maxWaitMs * 1_000_000;
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
            ps.setString(1, lsn);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return true;
                    }
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }
}
