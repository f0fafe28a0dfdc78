package org.frontline.scaleout;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL primary and a streaming replica made from it with pg_basebackup, started from the machine's
 * PostgreSQL 15 binaries for one test class (a few seconds). Skips loudly without them; fails when CI=true.
 */
final class ReplicaPair implements AutoCloseable {
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private final boolean root = "root".equals(System.getProperty("user.name"));
    private final Path dir;
    final int primaryPort;
    final int replicaPort;

    private ReplicaPair(Path dir, int primaryPort, int replicaPort) {
        this.dir = dir;
        this.primaryPort = primaryPort;
        this.replicaPort = replicaPort;
    }

    static ReplicaPair start() {
        if (!Files.isExecutable(BIN.resolve("pg_basebackup"))
                || !Files.exists(Path.of("/usr/share/postgresql/15/extension/postgis.control"))) {
            String msg = "\n*** REPLICA TESTS NOT RUN: need PostgreSQL 15 + PostGIS (postgresql-15-postgis-3)";
            System.err.println(msg);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true but PostgreSQL binaries are missing");
            }
            Assumptions.abort(msg);
        }
        try {
            Path dir = Files.createTempDirectory("frontline-replica");
            ReplicaPair pair = new ReplicaPair(dir, freePort(), freePort());
            pair.init();
            return pair;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a primary + replica pair", e);
        }
    }

    private void init() throws Exception {
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
        }
        Path primary = dir.resolve("primary");
        pg("initdb", "-D", primary.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
        Files.writeString(
                primary.resolve("postgresql.conf"),
                "\nwal_level = replica\nmax_wal_senders = 4\n" + "hot_standby = on\nfsync = off\n",
                java.nio.file.StandardOpenOption.APPEND);
        startServer(primary, primaryPort);
        try (Connection c = connect(primaryPort, "postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE frontline");
        }
        try (Connection c = connect(primaryPort, "frontline");
                Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION postgis");
            s.execute("CREATE EXTENSION btree_gist");
        }
        Path replica = dir.resolve("replica");
        pg(
                "pg_basebackup",
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(primaryPort),
                "-U",
                "postgres",
                "-D",
                replica.toString(),
                "-R",
                "-X",
                "stream",
                "-c",
                "fast");
        startServer(replica, replicaPort);
    }

    private void startServer(Path data, int port) throws Exception {
        pg(
                "pg_ctl",
                "-D",
                data.toString(),
                "-w",
                "-l",
                data + ".log",
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1",
                "start");
    }

    String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/frontline";
    }

    Connection connect(int port, String db) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + db, "postgres", "");
    }

    void stopReplica() throws Exception {
        pg("pg_ctl", "-D", dir.resolve("replica").toString(), "-m", "immediate", "-w", "stop");
    }

    @Override
    public void close() {
        for (String node : new String[] {"replica", "primary"}) {
            try {
                pg("pg_ctl", "-D", dir.resolve(node).toString(), "-m", "immediate", "stop");
            } catch (Exception ignored) {
                // already stopped
            }
        }
        try {
            run(List.of("rm", "-rf", dir.toString()));
        } catch (Exception ignored) {
            // a temp directory
        }
    }

    private void pg(String tool, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (root) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.add(BIN.resolve(tool).toString());
        cmd.addAll(List.of(args));
        run(cmd);
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
