package org.frontline.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.io.ByteArrayOutputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.frontline.layers.internal.FeatureRow;
import org.frontline.layers.internal.StoreService;
import org.frontline.web.ServerBusyException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a FeatureCollection fails: before any byte has reached the answer the error reaches the error handlers
 * unchanged (they answer 503 with Retry-After for a lost database or a spent budget); after, the answer is aborted,
 * never closed as if complete. The failures are those seen when PostgreSQL restarts under load (SQLSTATE 57P01).
 */
class FeatureCollectionWriterTest {
    private static final FeatureQuery QUERY = FeatureQuery.between(
            "events", Instant.parse("2019-01-01T00:00:00Z"), Instant.parse("2020-01-01T00:00:00Z"));

    static Stream<RuntimeException> databaseFailures() {
        SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");
        return Stream.of(
                new DataAccessResourceFailureException("connection lost", terminated),
                new TransactionSystemException("Could not roll back JDBC transaction", terminated),
                new CannotCreateTransactionException("Could not open JDBC Connection", terminated),
                new ServerBusyException("over budget", 5));
    }

    @ParameterizedTest
    @MethodSource("databaseFailures")
    void aFailureBeforeTheFirstFeatureReachesTheErrorHandlersUnchanged(RuntimeException failure) {
        FeatureCollectionWriter writer = writerFailingAfter(0, failure);
        assertThatThrownBy(() -> writer.write(QUERY, new ByteArrayOutputStream()))
                .isSameAs(failure);
    }

    /**
     * Seen in bench/load.sh: a restart ended reads after 1, 2 and 12 features, all still in the JSON writer's
     * buffer, and the container answered 500 for the unhandled abort.
     */
    @ParameterizedTest
    @MethodSource("databaseFailures")
    void aFailureAfterFeaturesThatHaveNotLeftTheBufferReachesTheErrorHandlersUnchanged(RuntimeException failure) {
        FeatureCollectionWriter writer = writerFailingAfter(12, failure);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> writer.write(QUERY, out)).isSameAs(failure);
        assertThat(out.size()).isZero();
    }

    @ParameterizedTest
    @MethodSource("databaseFailures")
    void aFailureAfterFeaturesHaveLeftAbortsTheAnswerInsteadOfClosingIt(RuntimeException failure) {
        FeatureCollectionWriter writer = writerFailingAfter(500, failure);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> writer.write(QUERY, out))
                .isInstanceOf(FeatureCollectionWriter.StreamAborted.class)
                .hasMessageContaining("after 500 features")
                .hasNoCause();
        assertThat(out.size()).isPositive();
        assertThat(out.toString()).doesNotEndWith("]}");
    }

    private static FeatureCollectionWriter writerFailingAfter(int features, RuntimeException failure) {
        StoreService store = mock(StoreService.class);
        doAnswer(call -> {
                    Consumer<FeatureRow> sink = call.getArgument(1);
                    for (int i = 0; i < features; i++) {
                        sink.accept(row("e" + i));
                    }
                    throw failure;
                })
                .when(store)
                .streamRows(any(), any());
        return new FeatureCollectionWriter(store, JsonMapper.builder().build());
    }

    private static FeatureRow row(String id) {
        byte[] point = new WKBWriter().write(new GeometryFactory().createPoint(new Coordinate(36.6, 35.9)));
        Instant t = Instant.parse("2019-06-01T00:00:00Z");
        Provenance source = new Provenance("SOHR", null, null, "medium", "near", "day");
        return new FeatureRow(id, 1, "events", point, "{}", t, null, t, "analyst", null, null, null, null, source);
    }
}
