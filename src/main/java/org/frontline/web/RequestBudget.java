package org.frontline.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConnection;

/**
 * The time budget of one heavy request, started when the request gets its permit from {@link HeavyWorkLimit} and ended
 * when it completes: {@code frontline.request-budget} for analyses and briefing exports, {@code
 * frontline.export-budget} for layer exports. Work over the budget is stopped, not left
 * running: the long loops call {@link #check()} (per feature read, per part buffered), and every statement of a
 * {@link #jdbcTemplate budgeted JdbcTemplate} gets the rest of the budget as its limit — PostgreSQL cancels it on the
 * server (the statement timeout), SQLite interrupts it from its progress handler. The request is then answered 503
 * with Retry-After, the same answer as a request that found every permit taken. Threads without a budget (the map,
 * the API's reads and writes, start-up) are never limited.
 */
public final class RequestBudget {
    private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();
    /** SQLite calls the progress handler every this many virtual-machine steps (about a few microseconds). */
    private static final int SQLITE_STEPS = 10_000;

    private static final ProgressHandler OVER_BUDGET = new ProgressHandler() {
        @Override
        protected int progress() {
            return exceeded() ? 1 : 0; // non-zero: SQLite stops the statement (SQLITE_INTERRUPT)
        }
    };

    /** A budget's length and the setting it comes from (named in the answer to a request over it). */
    record Limit(Duration length, String setting) {}

    private record Budget(long deadline, Limit limit) {}

    private RequestBudget() {}

    /** Starts the current thread's budget (the heavy-work permit's interceptor calls it). */
    static void start(Limit limit) {
        CURRENT.set(new Budget(System.nanoTime() + limit.length().toNanos(), limit));
    }

    static void end() {
        CURRENT.remove();
    }

    /** Whether the current thread has a budget and has used it up. */
    public static boolean exceeded() {
        Budget b = CURRENT.get();
        return b != null && System.nanoTime() - b.deadline() > 0;
    }

    /** Stops the work (503 with Retry-After) when the current thread's budget is used up. */
    public static void check() {
        if (exceeded()) throw overBudget();
    }

    /** The answer to a request over its budget. */
    static ServerBusyException overBudget() {
        Budget b = CURRENT.get();
        String length = b == null
                ? "its time budget"
                : "its " + format(b.limit().length()) + " time budget ("
                        + b.limit().setting() + ")";
        return new ServerBusyException(
                "the request ran over " + length + " and was stopped; try "
                        + "again in " + HeavyWorkLimit.RETRY_AFTER_SECONDS + " s or ask for less (a smaller area, a "
                        + "shorter time window, fewer parts)",
                HeavyWorkLimit.RETRY_AFTER_SECONDS);
    }

    /** A JdbcTemplate whose statements get the rest of the calling thread's budget as their time limit. */
    public static JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource) {
            @Override
            protected void applyStatementSettings(Statement stmt) throws SQLException {
                super.applyStatementSettings(stmt);
                limit(stmt);
            }
        };
    }

    /** Gives the statement the rest of the current thread's budget (nothing without a budget). */
    static void limit(Statement stmt) throws SQLException {
        Budget b = CURRENT.get();
        if (b == null) return;
        long left = b.deadline() - System.nanoTime();
        if (left <= 0) throw overBudget();
        Connection c = stmt.getConnection();
        if (c.isWrapperFor(SQLiteConnection.class)) {
            // sqlite-jdbc's query timeout is only a busy timeout: its progress handler stops a running statement
            ProgressHandler.setHandler(c.unwrap(SQLiteConnection.class), SQLITE_STEPS, OVER_BUDGET);
        } else {
            stmt.setQueryTimeout((int) Math.max(1, (left + 999_999_999L) / 1_000_000_000L));
        }
    }

    static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
