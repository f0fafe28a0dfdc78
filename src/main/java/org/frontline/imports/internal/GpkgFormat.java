package org.frontline.imports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mil.nga.crs.CRSException;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageException;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.proj.ProjectionException;
import mil.nga.sf.GeometryType;
import mil.nga.sf.util.SFException;
import org.frontline.geo.GeoJsonGeometryReader;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.frontline.layers.NewFeature;
import org.frontline.layers.Provenance;
import org.frontline.web.BadInputException;
import org.frontline.web.TimeParam;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * A GeoPackage feature table into a layer whose kind fits its geometry type. Options map columns to the
 * feature's validity and provenance: {@code table}, {@code validFrom} (required), {@code validTo}, {@code id},
 * {@code sourcePublisher} (a column) or {@code publisher} (one value for all rows, default the table name),
 * {@code confidence}; every other column becomes a property. Geometries must be in EPSG:4326.
 */
final class GpkgFormat implements ImportFormat {
    private static final byte[] SQLITE = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void check(Path file, Layer layer, Map<String, String> options) throws IOException {
        guarded(() -> {
            try (GeoPackage gp = open(file)) {
                checkTable(gp, layer, options);
            }
        });
    }

    /**
     * The check of an already open GeoPackage: what {@link #check(Path, Layer, Map)} does after opening the file
     * (GpkgContentFuzzTest runs it on one open GeoPackage whose content each input changes).
     */
    void check(GeoPackage gp, Layer layer, Map<String, String> options) throws IOException {
        guarded(() -> checkTable(gp, layer, options));
    }

    /** The reading of an already open GeoPackage: what {@link #read(Path, Layer, Map, ImportJob, Rows)} does. */
    void read(GeoPackage gp, Layer layer, Map<String, String> options, ImportJob job, Rows rows) throws IOException {
        guarded(() -> readRows(gp, layer, options, job, rows));
    }

    private interface Step {
        void run() throws IOException;
    }

    private static void guarded(Step step) throws IOException {
        try {
            step.run();
        } catch (GeoPackageException | SFException | CRSException | ProjectionException e) {
            throw damaged(e);
        }
    }

    /**
     * The GeoPackage library reports a damaged file (SQLite's "database disk image is malformed", found by
     * GpkgImportFuzzTest) with its own runtime exceptions: the import refuses it naming the cause, as any bad file.
     */
    private static ImportException damaged(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new ImportException("the GeoPackage cannot be read (" + root.getMessage() + "); check it with "
                + "ogrinfo or save it again");
    }

    private static void checkTable(GeoPackage gp, Layer layer, Map<String, String> options) {
        FeatureDao dao = dao(gp, options);
        GeometryType type = geometryType(dao);
        if (!fits(layer.kind(), type)) {
            throw new ImportException("table '" + dao.getTableName() + "' holds " + type + " geometries, which do "
                    + "not fit layer '" + layer.id() + "' (" + layer.kind().code() + ")");
        }
        if (dao.getSrsId() != 4326) {
            throw new ImportException("table '" + dao.getTableName() + "' is in EPSG:" + dao.getSrsId()
                    + "; reproject it to EPSG:4326 first (ogr2ogr -t_srs EPSG:4326)");
        }
        List<String> columns = Arrays.asList(dao.getTable().getColumnNames());
        String validFrom = options.get("validFrom");
        if (validFrom == null) {
            throw new ImportException("say which column of table '" + dao.getTableName() + "' holds the date the "
                    + "feature became valid: validFrom=<column> (columns: " + String.join(", ", columns) + ")");
        }
        for (String opt : List.of("validFrom", "validTo", "id", "sourcePublisher", "confidence")) {
            String col = options.get(opt);
            if (col != null && !columns.contains(col)) {
                throw new ImportException(opt + "=" + col + ": table '" + dao.getTableName() + "' has no such column"
                        + " (columns: " + String.join(", ", columns) + ")");
            }
        }
    }

    @Override
    public void read(Path file, Layer layer, Map<String, String> options, ImportJob job, Rows rows) throws IOException {
        guarded(() -> {
            try (GeoPackage gp = open(file)) {
                readRows(gp, layer, options, job, rows);
            }
        });
    }

    private static void readRows(GeoPackage gp, Layer layer, Map<String, String> options, ImportJob job, Rows rows) {
        FeatureDao dao = dao(gp, options);
        String geomCol = dao.getGeometryColumnName();
        String pk = dao.getTable().getPkColumnName();
        Set<String> mapped = new HashSet<>(List.of(geomCol, pk == null ? "" : pk));
        for (String opt : List.of("validFrom", "validTo", "id", "sourcePublisher", "confidence")) {
            if (options.containsKey(opt)) {
                mapped.add(options.get(opt));
            }
        }
        long total = dao.count();
        WKBReader wkb = new WKBReader(GeoJsonGeometryReader.WGS84);
        FeatureResultSet rs = dao.queryForAll();
        try {
            long n = 0;
            while (rs.moveToNext()) {
                job.checkCancelled();
                n++;
                job.bytesRead.set(total == 0 ? 0 : job.bytes * n / total);
                NewFeature f;
                try {
                    f = feature(rs.getRow(), layer, options, mapped, wkb, dao.getTableName());
                } catch (BadInputException | ParseException | IOException e) {
                    rows.refused(n, e.getMessage());
                    continue;
                } catch (StackOverflowError e) {
                    // found by GpkgContentFuzzTest: geometry collections nested thousands deep overflow the
                    // recursive WKB readers (the GeoPackage library's, as it builds the row, and JTS's)
                    rows.refused(n, "its geometry is nested too deeply to read (collections within collections)");
                    continue;
                }
                rows.feature(n, f);
            }
        } finally {
            rs.close();
        }
    }

    private static NewFeature feature(
            FeatureRow row, Layer layer, Map<String, String> options, Set<String> mapped, WKBReader wkb, String table)
            throws ParseException, IOException {
        GeoPackageGeometryData g = row.getGeometry();
        if (g == null || g.isEmpty()) {
            throw new BadInputException("has no geometry");
        }
        Geometry geometry = wkb.read(g.getWkb());
        Instant from = time(row.getValue(options.get("validFrom")), "validFrom");
        if (from == null) {
            throw new BadInputException("has no " + options.get("validFrom") + " (validFrom)");
        }
        Instant to = options.containsKey("validTo") ? time(row.getValue(options.get("validTo")), "validTo") : null;
        if (to == null && layer.kind() == LayerKind.EVENT) {
            to = TimeParam.endOfPeriod(from, "day");
        }
        if (to != null && !to.isAfter(from)) {
            throw new BadInputException("validTo is not after validFrom");
        }
        Map<String, Object> props = new LinkedHashMap<>();
        for (String c : row.getColumnNames()) {
            Object v = row.getValue(c);
            if (!mapped.contains(c) && v != null && !(v instanceof byte[])) {
                props.put(c, v instanceof Number || v instanceof Boolean ? v : v.toString());
            }
        }
        String id = options.containsKey("id") ? text(row.getValue(options.get("id"))) : null;
        String publisher = options.containsKey("sourcePublisher")
                ? text(row.getValue(options.get("sourcePublisher")))
                : options.getOrDefault("publisher", table);
        String confidence = options.containsKey("confidence") ? text(row.getValue(options.get("confidence"))) : null;
        if (confidence != null && !Provenance.CONFIDENCES.contains(confidence)) {
            throw new BadInputException("confidence '" + confidence + "' is not high, medium or low");
        }
        return new NewFeature(
                id,
                geometry,
                props,
                from,
                to,
                new Provenance(
                        publisher == null ? table : publisher,
                        null,
                        null,
                        confidence == null ? "medium" : confidence,
                        "exact",
                        "day"));
    }

    private static Instant time(Object v, String name) {
        if (v == null) {
            return null;
        }
        if (v instanceof Date d) {
            return d.toInstant();
        }
        String s = v.toString().strip();
        return s.isEmpty() ? null : TimeParam.parse(s, name);
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }

    private static GeometryType geometryType(FeatureDao dao) {
        try {
            return dao.getGeometryType();
        } catch (IllegalArgumentException e) {
            // found by GpkgContentFuzzTest: a geometry type name the GeoPackage library does not know
            throw new ImportException("table '" + dao.getTableName() + "' declares the geometry type '"
                    + dao.getGeometryColumns().getGeometryTypeName() + "' in gpkg_geometry_columns, which is not a "
                    + "GeoPackage geometry type (GEOMETRY, POINT, LINESTRING, POLYGON, their MULTI forms, "
                    + "GEOMETRYCOLLECTION)");
        }
    }

    private static boolean fits(LayerKind kind, GeometryType type) {
        return switch (type) {
            case GEOMETRY, GEOMETRYCOLLECTION -> true;
            case POINT, MULTIPOINT -> kind == LayerKind.EVENT || kind == LayerKind.POINT;
            case LINESTRING, MULTILINESTRING -> kind == LayerKind.LINE;
            case POLYGON, MULTIPOLYGON -> kind == LayerKind.AREA;
            default -> false;
        };
    }

    private static GeoPackage open(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SQLITE.length);
        }
        if (!Arrays.equals(head, SQLITE)) {
            throw new ImportException("the file is not a GeoPackage: it is not an SQLite database");
        }
        try {
            return GeoPackageManager.open(file.toFile(), false);
        } catch (RuntimeException e) {
            throw new ImportException("the file is not a GeoPackage: " + e.getMessage());
        }
    }

    private static FeatureDao dao(GeoPackage gp, Map<String, String> options) {
        List<String> tables = gp.getFeatureTables();
        String table = options.get("table");
        if (tables.isEmpty()) {
            throw new ImportException("the GeoPackage has no feature table (no table with a geometry column)");
        }
        if (table == null) {
            if (tables.size() > 1) {
                throw new ImportException("the GeoPackage has several feature tables: choose one with table=<name> ("
                        + String.join(", ", tables) + ")");
            }
            table = tables.get(0);
        } else if (!tables.contains(table)) {
            throw new ImportException("table '" + table + "' is not a feature table of the GeoPackage (it has no "
                    + "geometry column or does not exist); feature tables: " + String.join(", ", tables));
        }
        try {
            FeatureDao dao = gp.getFeatureDao(table);
            if (dao.getTable().getGeometryColumnIndex() < 0) {
                // found by GpkgContentFuzzTest: gpkg_geometry_columns names a column the table does not have
                throw new ImportException("table '" + table + "' has no column '" + dao.getGeometryColumnName()
                        + "', which gpkg_geometry_columns names as its geometry column");
            }
            return dao;
        } catch (NullPointerException e) {
            // found by GpkgImportFuzzTest: a spatial reference system row without an organization (authority)
            throw new ImportException("table '" + table + "' cannot be read: its spatial reference system entry in "
                    + "gpkg_spatial_ref_sys is incomplete (" + e.getMessage() + "); check it with ogrinfo or save "
                    + "it again");
        } catch (IndexOutOfBoundsException e) {
            // found by GpkgContentFuzzTest: the library's parser of the table's CREATE TABLE statement fails on a
            // column name that starts with a line break
            throw new ImportException("table '" + table + "' cannot be read: the GeoPackage library cannot parse its "
                    + "definition (" + e.getMessage()
                    + "); rename columns whose names hold line breaks or save it again with "
                    + "ogr2ogr");
        }
    }
}
