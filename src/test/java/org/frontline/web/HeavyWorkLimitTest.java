package org.frontline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Issue 15.2: heavy requests beyond the permits wait briefly, then get 503 + Retry-After; no growing queue. */
class HeavyWorkLimitTest {

    @Test
    void whenAllPermitsAreBusyTheNextRequestIsRefusedQuicklyAndAPermitComesBackOnCompletion() throws Exception {
        HeavyWorkLimit.Permits permits = new HeavyWorkLimit.Permits(
                "layer exports", 2, 200, new RequestBudget.Limit(Duration.ofSeconds(30), "frontline.export-budget"));
        MockHttpServletRequest a = new MockHttpServletRequest();
        MockHttpServletRequest b = new MockHttpServletRequest();
        MockHttpServletResponse res = new MockHttpServletResponse();
        assertThat(permits.preHandle(a, res, null)).isTrue();
        assertThat(permits.preHandle(b, res, null)).isTrue();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> permits.preHandle(new MockHttpServletRequest(), res, null))
                .isInstanceOf(ServerBusyException.class)
                .hasMessageContaining("busy with 2 layer exports")
                .satisfies(e -> assertThat(((ServerBusyException) e).retryAfterSeconds())
                        .isPositive());
        assertThat((System.nanoTime() - t0) / 1e6).isBetween(150.0, 5000.0);
        permits.afterCompletion(a, res, null, new IllegalStateException("failed analysis"));
        permits.afterCompletion(a, res, null, null); // a second completion call does not add a permit
        MockHttpServletRequest c = new MockHttpServletRequest();
        assertThat(permits.preHandle(c, res, null)).isTrue();
        assertThatThrownBy(() -> permits.preHandle(new MockHttpServletRequest(), res, null))
                .isInstanceOf(ServerBusyException.class);
        permits.afterCompletion(b, res, null, null);
        permits.afterCompletion(c, res, null, null);
        assertThat(RequestBudget.exceeded()).as("no budget left on the thread").isFalse();
    }

    @Test
    void theBusyAnswerIs503WithRetryAfter() {
        var answer = new ApiErrors().busy(new ServerBusyException("the server is busy", 5));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody().getDetail()).contains("busy");
    }
}
