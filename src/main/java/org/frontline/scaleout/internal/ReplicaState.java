package org.frontline.scaleout.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Whether the replica answers, checked every two seconds on a connection of its own (not from the pool: a pool
 * that is merely busy says nothing about the replica) and whenever a statement on the replica fails.
 */
public class ReplicaState {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaState.class);
    private final String url;
    private final Properties login = new Properties();
    private volatile boolean up = true;
    private volatile String problem;
    private volatile Instant checkedAt;

    ReplicaState(String url, String user, String password) {
        this.url = url;
        if (user != null) {
            login.setProperty("user", user);
        }
        if (password != null) {
            login.setProperty("password", password);
        }
        login.setProperty("connectTimeout", "2");
        login.setProperty("socketTimeout", "5");
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
        try (Connection c = DriverManager.getConnection(url, login);
                Statement s = c.createStatement();
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
