package org.frontline.scaleout.internal;

import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/ready} for the load balancer: 200 while the database that takes writes answers, 503 when it does
 * not. With a replica configured it says whether the replica is up and where reads go ("primary" while it is down).
 */
@RestController
class ReadinessController {
    private final DataSource writes;
    private final ReplicaState replica;

    ReadinessController(
            ObjectProvider<DataSource> dataSources,
            @Qualifier("primaryDataSource") ObjectProvider<DataSource> primary,
            ObjectProvider<ReplicaState> replica) {
        DataSource p = primary.getIfAvailable();
        this.writes = p != null ? p : dataSources.getObject();
        this.replica = replica.getIfAvailable();
    }

    @GetMapping("/api/ready")
    ResponseEntity<Map<String, Object>> ready() {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean primaryUp;
        try (Connection c = writes.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            primaryUp = true;
        } catch (Exception e) {
            primaryUp = false;
            body.put("primaryProblem", e.getMessage());
        }
        body.put("status", primaryUp ? "UP" : "DOWN");
        body.put("primary", primaryUp ? "up" : "down");
        if (replica != null) {
            replica.check();
            body.put("replica", replica.up() ? "up" : "down");
            if (!replica.up()) {
                body.put("replicaProblem", replica.problem());
            }
            body.put("reads", replica.up() ? "replica" : "primary");
        } else {
            body.put("replica", "none");
            body.put("reads", "primary");
        }
        return ResponseEntity.status(primaryUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(body);
    }
}
