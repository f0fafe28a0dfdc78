package org.frontline.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL + PostGIS for the tests: the server {@code DATABASE_URL} names, or a throwaway cluster
 * this class starts from the machine's binaries (initdb refuses root, so as root it runs them as the
 * {@code postgres} user). Without PostGIS the tests skip with a loud notice; with {@code CI=true} they fail.
 */
public final class PostgisServer {
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final Path POSTGIS = Path.of("/usr/share/postgresql/15/extension/postgis.control");
    private static PostgisServer instance;
    private static String unavailable;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String adminDb;

    private PostgisServer(String host, int port, String user, String password, String adminDb) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.adminDb = adminDb;
    }

    /** The shared server; skips (or, in CI, fails) the calling test when there is none. */
    public static synchronized PostgisServer require() {
        if (instance == null && unavailable == null) {
            try {
                instance = start();
            } catch (Exception e) {
                unavailable = e.getMessage();
            }
        }
        if (instance == null) {
            String msg = "\n**********\n*** PostGIS tests NOT RUN: " + unavailable
                    + "\n*** Install postgresql-15-postgis-3 or set DATABASE_URL.\n**********";
            System.err.println(msg);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true but PostGIS is not available: " + unavailable);
            }
            Assumptions.abort(msg);
        }
        return instance;
    }

    /** A fresh database with PostGIS, for one Spring context. Returns its JDBC URL. */
    public String newDatabase() {
        String name =
                "frontline_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (adminDb == null) {
            return jdbcUrl(System.getenv("DATABASE_URL") == null ? "frontline" : dbOf(System.getenv("DATABASE_URL")));
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(adminDb), user, password);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(name), user, password);
                Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            s.execute("CREATE EXTENSION IF NOT EXISTS btree_gist");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot enable PostGIS in the test database", e);
        }
        return jdbcUrl(name);
    }

    /**
     * Points a Spring test context at a fresh database of the shared server (anonymous reading on, as the
     * contract tests read without signing in).
     */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
        PostgisServer pg = require();
        String url = pg.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", pg::user);
        registry.add("spring.datasource.password", pg::password);
        registry.add("frontline.security.anonymous-read", () -> "true");
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    private String jdbcUrl(String db) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + db;
    }

    private static String dbOf(String url) {
        String path = URI.create(url.replaceFirst("^jdbc:", "")).getPath();
        return path.substring(1);
    }

    private static PostgisServer start() throws Exception {
        String url = System.getenv("DATABASE_URL");
        if (url != null && !url.isBlank()) {
            URI u = URI.create(url.replaceFirst("^jdbc:", "").replaceFirst("^postgres:", "postgresql:"));
            String[] cred = u.getUserInfo() == null
                    ? new String[] {"postgres", ""}
                    : u.getUserInfo().split(":", 2);
            // A server we did not start: use the named database as it is (no CREATE DATABASE rights assumed).
            return new PostgisServer(
                    u.getHost(), u.getPort() < 0 ? 5432 : u.getPort(), cred[0], cred.length > 1 ? cred[1] : "", null);
        }
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            throw new IllegalStateException("no PostgreSQL 15 binaries at " + BIN);
        }
        if (!Files.exists(POSTGIS)) {
            throw new IllegalStateException("PostGIS is not installed (" + POSTGIS + " missing)");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = root
                ? Files.createTempDirectory("frontline-pg")
                : Files.createDirectories(Path.of("target"))
                        .resolve("pg-" + ProcessHandle.current().pid());
        Path data = dir.resolve("data");
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
        }
        run(asPostgres(
                root,
                BIN.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-sync"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        run(asPostgres(
                root,
                BIN.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-w",
                "-l",
                dir.resolve("log.txt").toString(),
                "-o",
                "-p " + port + " -k " + dir + " -c fsync=off",
                "start"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                run(asPostgres(
                        root, BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"));
                run(List.of("rm", "-rf", dir.toString()));
            } catch (Exception ignored) {
                // the JVM is going away anyway
            }
        }));
        return new PostgisServer("localhost", port, "postgres", "", "postgres");
    }

    private static List<String> asPostgres(boolean root, String... cmd) {
        List<String> out = new ArrayList<>();
        if (root) {
            out.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        out.addAll(List.of(cmd));
        return out;
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
