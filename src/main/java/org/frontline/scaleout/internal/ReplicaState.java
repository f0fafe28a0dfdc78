package org.frontline.scaleout.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Whether the replica answers, checked every two seconds and whenever a read on it fails. */
public class ReplicaState {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaState.class);
    private final DataSource replica;
    private volatile boolean up = true;
    private volatile String problem;
    private volatile Instant checkedAt;

    ReplicaState(DataSource replica) {
        this.replica = replica;
    }

    public boolean up() {
        return up;
    }

    public String problem() {
        return problem;
    }

    public Instant checkedAt() {
        return checkedAt;
    }

    @Scheduled(fixedDelayString = "${frontline.replica.check-ms:2000}")
    public void check() {
        try (Connection c = replica.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
            rs.next();
            markUp();
        } catch (Exception e) {
            markDown(e);
        }
        checkedAt = Instant.now();
    }

    void markUp() {
        if (!up) {
            LOG.info("replica is back: reads go to it again");
        }
        up = true;
        problem = null;
    }

    void markDown(Exception e) {
        if (up) {
            LOG.warn("replica is down, reads go to the primary: {}", e.getMessage());
        }
        up = false;
        problem = e.getMessage();
    }
}
