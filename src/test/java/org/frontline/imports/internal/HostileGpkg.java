package org.frontline.imports.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.j256.ormlite.jdbc.JdbcSingleConnectionSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageImpl;
import mil.nga.geopackage.db.GeoPackageConnection;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;

/**
 * The open GeoPackage of GpkgContentFuzzTest and the hostile content each input writes into it: geometry blobs,
 * rows and values (dates, text, NULLs, huge numbers, blobs) in any column, spatial reference system rows,
 * gpkg_geometry_columns and gpkg_contents rows, new, renamed, copied and dropped columns and tables — all inside
 * one transaction that is rolled back after the input, so the file is opened once per JVM, not once per input.
 *
 * <p>The GeoPackage library normally talks to SQLite over two connections (JDBC for feature rows, ORMLite for its
 * own tables), so uncommitted changes would be half visible; here both share one connection. The reading code
 * under test is the import's own ({@link GpkgFormat#check(GeoPackage, Layer, Map)} and {@code read}).
 */
final class HostileGpkg {
    private static final String[] TYPE_NAMES = {
        "GEOMETRY",
        "POINT",
        "LINESTRING",
        "POLYGON",
        "MULTIPOINT",
        "MULTILINESTRING",
        "MULTIPOLYGON",
        "GEOMETRYCOLLECTION",
        "CIRCULARSTRING",
        "CURVEPOLYGON",
        "POLYHEDRALSURFACE",
        "TIN",
        "TRIANGLE",
        "point",
        ""
    };
    private static final String[] COLUMN_TYPES = {
        "DATE",
        "DATETIME",
        "TEXT",
        "INTEGER",
        "REAL",
        "BLOB",
        "BOOLEAN",
        "TINYINT",
        "FLOAT",
        "DOUBLE",
        "TEXT(3)",
        "POINT",
        "GEOMETRY",
        "MEDIUMINT",
        "",
        "NUMERIC"
    };
    private static final String[] ODD_TEXT = {
        "",
        " ",
        "1e309",
        "NaN",
        "-0",
        "9223372036854775808",
        "true",
        "high",
        "2019-02-30",
        "0000-00-00",
        "2019-04-30T25:61:61Z",
        "+1000000000-01-01",
        "-0001-01-01",
        "2019-04-30 12:00:00",
        "1556582400",
        "2019-04-30T12:00:00+25:00",
        "2019-W18-2",
        "\u0000",
        "2019-04-30T12:00:00.123456789123Z"
    };
    private static final String[] SRS_COLUMNS = {
        "srs_name", "srs_id", "organization", "organization_coordsys_id", "definition", "description"
    };
    private static final String[] GEOMETRY_COLUMNS = {
        "table_name", "column_name", "geometry_type_name", "srs_id", "z", "m"
    };
    private static final String[] CONTENTS_COLUMNS = {
        "table_name", "data_type", "identifier", "min_x", "max_y", "srs_id", "last_change"
    };
    private static final String[] DATA_TYPES = {"features", "tiles", "attributes", "2d-gridded-coverage", "Features"};
    private static final String[] DEFINITIONS = {
        "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],"
                + "UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4326\"]]",
        "undefined",
        "",
        "GEOGCS[",
        "PROJCS[\"x\",GEOGCS[\"y\"],PROJECTION[\"Mercator_1SP\"],UNIT[\"metre\",1e400]]"
    };
    private static final LayerKind[] KINDS = LayerKind.values();

    private final FuzzedDataProvider data;
    private final Connection connection;
    private String table = "events";
    private final List<String> columns = new ArrayList<>(List.of("fid", "geom", "since", "until", "who", "note"));

    private HostileGpkg(FuzzedDataProvider data, Connection connection) {
        this.data = data;
        this.connection = connection;
    }

    /** What one input imports into. */
    record Target(Layer layer, Map<String, String> options) {}

    /**
     * Opens a copy of the seed GeoPackage (GDAL's ogr2ogr output) in memory on one connection, without its R*Tree
     * triggers (they call GDAL's SQL functions, which only GDAL defines), with a transaction open.
     */
    static GeoPackage open(String seed) {
        try {
            Path shm = Path.of("/dev/shm");
            Path file = Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempFile(shm, "frontline-gpkg-fuzz", ".gpkg")
                    : Files.createTempFile("frontline-gpkg-fuzz", ".gpkg");
            file.toFile().deleteOnExit();
            try (InputStream in = HostileGpkg.class.getResourceAsStream(seed)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            String url = "jdbc:sqlite:" + file;
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                List<String> triggers = new ArrayList<>();
                try (var rs = s.executeQuery(
                        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree%'")) {
                    while (rs.next()) {
                        triggers.add(rs.getString(1));
                    }
                }
                for (String t : triggers) {
                    s.execute("DROP TRIGGER " + quote(t));
                }
            }
            GeoPackageConnection gc =
                    new GeoPackageConnection(file.toFile(), c, new JdbcSingleConnectionSource(url, c));
            gc.enableForeignKeys();
            c.setAutoCommit(false);
            return new GeoPackageImpl("fuzz", file.toFile(), gc, false) {};
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("the fuzz GeoPackage could not be prepared", e);
        }
    }

    /** Writes the input's changes into the open GeoPackage and says what to import; {@link #undo} removes them. */
    static Target change(GeoPackage gp, FuzzedDataProvider data) {
        HostileGpkg h = new HostileGpkg(data, gp.getConnection().getConnection());
        int changes = data.consumeInt(0, 6);
        for (int i = 0; i < changes; i++) {
            try {
                h.change(data.consumeInt(0, 10));
            } catch (SQLException refused) {
                // a change SQLite itself refuses (a constraint, a name clash) never reaches the import
            }
        }
        return h.target();
    }

    static void undo(GeoPackage gp) {
        try {
            gp.getConnection().getConnection().rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("the fuzz GeoPackage could not be restored", e);
        }
    }

    private void change(int what) throws SQLException {
        switch (what) {
            case 0 ->
                update("UPDATE " + quote(table) + " SET geom = ? WHERE fid = ?", HostileGeometry.blob(data), row());
            case 1 ->
                update("UPDATE " + quote(table) + " SET " + quote(column()) + " = ? WHERE fid = ?", value(), row());
            case 2 ->
                update(
                        "INSERT INTO " + quote(table) + " (geom, since, until, who, note) VALUES (?, ?, ?, ?, ?)",
                        HostileGeometry.blob(data),
                        value(),
                        value(),
                        value(),
                        value());
            case 3 ->
                update(
                        "UPDATE gpkg_spatial_ref_sys SET " + data.pickValue(SRS_COLUMNS) + " = ? WHERE srs_id = ?",
                        srsValue(),
                        data.consumeBoolean() ? 4326 : value());
            case 4 -> {
                int id = data.consumeInt();
                update(
                        "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
                        value(),
                        id,
                        srsValue(),
                        value(),
                        data.pickValue(DEFINITIONS),
                        value());
                update("UPDATE gpkg_geometry_columns SET srs_id = ?", id);
                update("UPDATE gpkg_contents SET srs_id = ?", id);
            }
            case 5 -> {
                String col = data.pickValue(GEOMETRY_COLUMNS);
                Object v = switch (col) {
                    case "geometry_type_name" -> data.consumeBoolean() ? data.pickValue(TYPE_NAMES) : value();
                    case "column_name" -> column();
                    default -> value();
                };
                update("UPDATE gpkg_geometry_columns SET " + col + " = ?", v);
            }
            case 6 -> {
                String col = data.pickValue(CONTENTS_COLUMNS);
                update(
                        "UPDATE gpkg_contents SET " + col + " = ?",
                        col.equals("data_type") && data.consumeBoolean() ? data.pickValue(DATA_TYPES) : value());
            }
            case 7 -> {
                String name = name();
                update("ALTER TABLE " + quote(table) + " ADD COLUMN " + quote(name) + " "
                        + (data.consumeBoolean() ? data.pickValue(COLUMN_TYPES) : quote(data.consumeString(12))));
                columns.add(name);
            }
            case 8 -> {
                String from = column();
                String to = name();
                update("ALTER TABLE " + quote(table) + " RENAME COLUMN " + quote(from) + " TO " + quote(to));
                if (columns.contains(from)) {
                    columns.set(columns.indexOf(from), to);
                }
            }
            case 9 -> copyTable();
            default ->
                update(
                        switch (data.consumeInt(0, 4)) {
                            case 0 -> "DELETE FROM gpkg_geometry_columns";
                            case 1 -> "DELETE FROM gpkg_contents";
                            case 2 -> "DROP TABLE " + quote(table);
                            case 3 -> "DELETE FROM gpkg_spatial_ref_sys WHERE srs_id = 4326";
                            default -> "DELETE FROM " + quote(table) + " WHERE fid = " + row();
                        });
        }
    }

    /** A second feature table: a copy of the first (without its primary key, or with), registered or not. */
    private void copyTable() throws SQLException {
        String name = name();
        update("CREATE TABLE " + quote(name) + " AS SELECT * FROM " + quote(table));
        if (data.consumeBoolean()) {
            update(
                    "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES (?, ?, ?, 4326)",
                    name,
                    data.pickValue(DATA_TYPES),
                    name);
            update(
                    "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, ?, ?)",
                    name,
                    data.pickValue(TYPE_NAMES),
                    data.consumeInt(0, 3),
                    data.consumeInt(0, 3));
        }
        table = name;
    }

    private Target target() {
        Map<String, String> options = new HashMap<>();
        option(options, "validFrom", "since", 4);
        option(options, "validTo", "until", 3);
        for (String opt : List.of("id", "sourcePublisher", "confidence", "table")) {
            if (data.consumeInt(0, 3) == 0) {
                options.put(opt, opt.equals("table") && data.consumeBoolean() ? table : column());
            }
        }
        if (data.consumeInt(0, 7) == 0) {
            options.put("publisher", data.consumeString(20));
        }
        LayerKind kind = data.pickValue(KINDS);
        return new Target(new Layer(kind.code(), kind.code(), kind, "{}", 0, null, null), options);
    }

    /** Mostly the usual column, sometimes none, another column or a made-up one. */
    private void option(Map<String, String> options, String opt, String usual, int usualWeight) {
        int c = data.consumeInt(0, usualWeight + 2);
        if (c < usualWeight) {
            options.put(opt, usual);
        } else if (c == usualWeight) {
            options.put(opt, column());
        } else if (c == usualWeight + 1) {
            options.put(opt, name());
        }
    }

    private String column() {
        return data.consumeInt(0, 7) == 0 ? name() : data.pickValue(columns);
    }

    private String name() {
        return data.consumeBoolean()
                ? data.consumeString(16)
                : data.pickValue(new String[] {"geom", "since", "fid", "x"});
    }

    private Object row() {
        return data.consumeInt(0, 7) == 0 ? value() : data.consumeInt(1, 4);
    }

    private Object srsValue() {
        return data.consumeBoolean() ? data.pickValue(new String[] {"EPSG", "epsg", "NONE", "", "OGC"}) : value();
    }

    /** Any SQLite value: NULL, integers (huge too), doubles (NaN, infinities), dates good and bad, text, blobs. */
    private Object value() {
        return switch (data.consumeInt(0, 8)) {
            case 0 -> null;
            case 1 -> data.consumeLong();
            case 2 -> data.consumeDouble();
            case 3, 4 -> date();
            case 5 -> data.consumeString(40);
            case 6 -> data.consumeBytes(24);
            case 7 -> data.pickValue(ODD_TEXT);
            default -> (long) data.consumeInt(-1, 3);
        };
    }

    private String date() {
        String day = String.format(
                "%04d-%02d-%02d",
                data.consumeBoolean() ? data.consumeInt(2010, 2021) : data.consumeInt(),
                data.consumeInt(0, 13),
                data.consumeInt(0, 32));
        return switch (data.consumeInt(0, 3)) {
            case 0 -> day;
            case 1 ->
                day + "T"
                        + String.format(
                                "%02d:%02d:%02d",
                                data.consumeInt(0, 25), data.consumeInt(0, 61), data.consumeInt(0, 61))
                        + data.pickValue(new String[] {"Z", "", "+03:00", "+25:00", ".5Z"});
            case 2 -> day + data.consumeString(8);
            default -> day + " 00:00:00";
        };
    }

    private void update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
