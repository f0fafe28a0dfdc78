package org.frontline.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database survives SIGKILL during writes (issue 15): the real app in a child JVM is killed at
 * random moments of imports, corrections, report acceptance and briefing publishing, then restarted and
 * checked (see {@link CrashHarness}). {@code -Dcrash.rounds} (default 30) and {@code -Dcrash.minutes} (default 6,
 * a bound for slow machines: at least 10 rounds must be done by then) set the size; {@code bench/crash.sh}
 * runs 200.
 */
class CrashSafetyTest {
    @Test
    void everyAnsweredWriteSurvivesAKillAndNoImportIsHalfStored(@TempDir Path dir) throws Exception {
        int rounds = Integer.getInteger("crash.rounds", 30);
        CrashHarness harness = new CrashHarness(
                System.getProperty("java.class.path"), CrashHarness.DEFAULT_URL, dir.resolve("data"), 15L);
        CrashHarness.Result result = harness.run(rounds, Duration.ofMinutes(Integer.getInteger("crash.minutes", 6)));
        System.out.println("crash harness: " + result);
        assertThat(result.failures()).as(result.toString()).isEmpty();
        // 30 rounds take about 5 minutes on an idle 2-core machine; on a loaded one the bound stops earlier
        assertThat(result.rounds())
                .as("rounds done within the time bound")
                .isGreaterThanOrEqualTo(Math.min(rounds, 10));
    }
}
