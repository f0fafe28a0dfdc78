package org.frontline.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * GDAL's command-line tools (Debian {@code gdal-bin}) as a real client of our formats. Without them the
 * calling test skips with a loud notice; with {@code CI=true} it fails.
 */
public final class Gdal {
    private static final Path OGRINFO = Path.of("/usr/bin/ogrinfo");
    private static final Path OGR2OGR = Path.of("/usr/bin/ogr2ogr");

    private Gdal() {}

    public static void require() {
        if (Files.isExecutable(OGRINFO) && Files.isExecutable(OGR2OGR)) {
            return;
        }
        String msg = "\n**********\n*** GDAL tests NOT RUN: no " + OGRINFO + " / " + OGR2OGR
                + "\n*** Install the Debian package gdal-bin.\n**********";
        System.err.println(msg);
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true but GDAL (gdal-bin) is not installed");
        }
        Assumptions.abort(msg);
    }

    /** Runs ogrinfo with the arguments; returns its standard output, failing on a non-zero exit. */
    public static String ogrinfo(String... args) {
        return run(OGRINFO, args);
    }

    public static String ogr2ogr(String... args) {
        return run(OGR2OGR, args);
    }

    private static String run(Path tool, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(tool.toString());
        cmd.addAll(List.of(args));
        try {
            Path err = Files.createTempFile("gdal", ".err");
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                Assertions.fail(String.join(" ", cmd) + " did not finish in 300 s");
            }
            String errors = Files.readString(err);
            Files.delete(err);
            if (p.exitValue() != 0) {
                Assertions.fail(String.join(" ", cmd) + " exited with " + p.exitValue() + ":\n" + errors + out);
            }
            return out;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
