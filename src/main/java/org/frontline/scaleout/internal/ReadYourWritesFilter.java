package org.frontline.scaleout.internal;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Read-your-writes across instances: after a successful write request the primary's current WAL position is kept
 * in the (database-backed) session; requests of that session then read the replica only once it has replayed that
 * far (see {@link ReadYourWritesDataSource}). A writer without a session gets one, so its next request finds it.
 */
@Component
@ConditionalOnProperty("frontline.replica.url")
class ReadYourWritesFilter extends OncePerRequestFilter {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private final HikariDataSource primary;

    ReadYourWritesFilter(@Qualifier("primaryDataSource") HikariDataSource primary) {
        this.primary = primary;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean write = WRITES.contains(request.getMethod());
        // a writer gets its session before the answer is committed, so the cookie goes out with it
        HttpSession session = request.getSession(write);
        Object lsn = session == null ? null : session.getAttribute(LastWrite.SESSION_KEY);
        LastWrite.set(lsn instanceof String s ? s : null);
        try {
            chain.doFilter(request, response);
        } finally {
            LastWrite.set(null);
        }
        if (write && response.getStatus() < 400) {
            session.setAttribute(LastWrite.SESSION_KEY, currentLsn());
        }
    }

    private String currentLsn() {
        try (Connection c = primary.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rs.next();
            return rs.getString(1);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the primary's WAL position", e);
        }
    }
}
