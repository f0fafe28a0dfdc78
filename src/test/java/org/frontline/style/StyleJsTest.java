package org.frontline.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code node --test src/test/js} so that {@code ./mvnw verify} checks frontend/js/style.js against the same
 * shared table as {@link LayerStyleTest}. Without node the test is skipped loudly; with CI=true it fails.
 */
class StyleJsTest {

    @Test
    void styleJsReproducesTheSharedTable() throws Exception {
        Path node = Path.of(System.getProperty("frontline.node", "/usr/bin/node"));
        if (!Files.isExecutable(node)) {
            String msg = "STYLE.JS TESTS NOT RUN: need " + node + " (Debian package nodejs)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg + " — CI=true, so this is a failure");
            }
            System.err.println("!!! " + msg);
            Assumptions.assumeTrue(false, msg);
        }
        Process p = new ProcessBuilder(node.toString(), "--test", "src/test/js/")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("# fail 0").containsPattern("# pass [1-9]");
    }
}
