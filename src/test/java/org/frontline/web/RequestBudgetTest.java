package org.frontline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.UUID;
import org.frontline.testsupport.PostgisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 15.2: a statement of a request over its time budget is stopped in the database (SQLite's progress handler,
 * PostgreSQL's statement timeout), not left running, and the request is answered with the one busy answer: 503,
 * Retry-After, problem+json. A thread without a budget runs the same statement to its end.
 */
class RequestBudgetTest {
    /** About ten seconds of work for SQLite: counting to 100 million. */
    static final String LONG_SQLITE = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
            + "WHERE x < 100000000) SELECT count(*) FROM c";

    @AfterEach
    void end() {
        RequestBudget.end();
    }

    @Test
    void aLongSqliteStatementStopsAtTheBudgetsEnd() {
        JdbcTemplate jdbc = RequestBudget.jdbcTemplate(
                new DriverManagerDataSource("jdbc:sqlite:file:budget-" + UUID.randomUUID() + "?mode=memory"));
        assertThat(jdbc.queryForObject(LONG_SQLITE.replace("100000000", "200000"), Long.class))
                .as("without a budget the statement runs to its end")
                .isEqualTo(200_000L);
        RequestBudget.start(new RequestBudget.Limit(Duration.ofMillis(300), "frontline.request-budget"));
        long t0 = System.nanoTime();
        Throwable stopped = catchThrowable(() -> jdbc.queryForObject(LONG_SQLITE, Long.class));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(stopped).isInstanceOf(DataAccessException.class);
        assertThat(seconds).as("stopped soon after the 0.3 s budget").isLessThan(2.5);
        assertIsTheBusyAnswer(new ApiErrors().stoppedStatement((DataAccessException) stopped));
    }

    @Test
    void aLongPostgresqlStatementIsCancelledAtTheBudgetsEnd() {
        PostgisServer pg = PostgisServer.require();
        JdbcTemplate jdbc =
                RequestBudget.jdbcTemplate(new DriverManagerDataSource(pg.newDatabase(), pg.user(), pg.password()));
        RequestBudget.start(new RequestBudget.Limit(Duration.ofMillis(300), "frontline.request-budget"));
        long t0 = System.nanoTime();
        Throwable stopped = catchThrowable(() -> jdbc.queryForObject("SELECT pg_sleep(30)", Object.class));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(stopped).isInstanceOf(DataAccessException.class);
        // PostgreSQL's statement timeout counts whole seconds: the rest of the budget, rounded up
        assertThat(seconds).as("cancelled within a second of the budget").isLessThan(4);
        ResponseEntity<ProblemDetail> answer =
                stopped instanceof RuntimeException r ? new ApiErrors().databaseUnavailable(r) : null;
        assertIsTheBusyAnswer(answer);
    }

    @Test
    void loopsStopWhenTheBudgetIsUsedAndThreadsWithoutOneNever() throws Exception {
        RequestBudget.check(); // no budget: never stops
        RequestBudget.start(new RequestBudget.Limit(Duration.ofMillis(50), "frontline.export-budget"));
        RequestBudget.check();
        Thread.sleep(80);
        Throwable over = catchThrowable(RequestBudget::check);
        assertThat(over)
                .isInstanceOf(ServerBusyException.class)
                .hasMessageContaining("50 ms time budget (frontline.export-budget)");
        RequestBudget.end();
        RequestBudget.check();
    }

    static void assertIsTheBusyAnswer(ResponseEntity<ProblemDetail> answer) {
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody().getTitle()).isEqualTo("Server busy");
        assertThat(answer.getBody().getDetail()).contains("time budget").contains("frontline.request-budget");
    }
}
