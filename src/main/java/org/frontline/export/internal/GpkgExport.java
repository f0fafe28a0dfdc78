package org.frontline.export.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.extension.metadata.Metadata;
import mil.nga.geopackage.extension.metadata.MetadataExtension;
import mil.nga.geopackage.extension.metadata.MetadataScopeType;
import mil.nga.geopackage.extension.metadata.reference.MetadataReference;
import mil.nga.geopackage.extension.metadata.reference.ReferenceScopeType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.sf.GeometryType;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;
import org.locationtech.jts.io.WKBWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Layers as one GeoPackage (NGA's library): a feature table per layer with the {@link FeatureTable} columns,
 * valid and record time typed DATETIME, EPSG:4326 geometries, and the layer's map style kept in the
 * GeoPackage metadata extension (scope "dataset", JSON) referenced to its table. Written to a temporary file
 * in batched transactions, so memory stays flat however many features there are.
 */
final class GpkgExport {
    private static final int BATCH = 5000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GpkgExport() {}

    /** A layer to write and the query selecting its versions. */
    record Part(Layer layer, FeatureTable table, FeatureQuery query) {}

    static Path write(LayerService store, List<Part> parts) throws IOException {
        Path dir = Files.createTempDirectory("frontline-gpkg");
        Path file = dir.resolve("export.gpkg");
        GeoPackageManager.create(file.toFile());
        try (GeoPackage gp = GeoPackageManager.open(file.toFile())) {
            for (Part p : parts) {
                createTable(gp, p);
            }
            Connection c = gp.getConnection().getConnection();
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            for (Part p : parts) {
                insertRows(store, c, p);
            }
            c.commit();
            c.setAutoCommit(auto);
        } catch (SQLException e) {
            throw new IOException("cannot write the GeoPackage: " + e.getMessage(), e);
        }
        return file;
    }

    private static void createTable(GeoPackage gp, Part p) throws SQLException {
        GeometryColumns geom = new GeometryColumns();
        geom.setTableName(p.layer().id());
        geom.setColumnName("geom");
        geom.setGeometryType(geometryType(p.layer().kind()));
        geom.setZ((byte) 0);
        geom.setM((byte) 0);
        geom.setSrsId(4326);
        List<FeatureColumn> cols = new ArrayList<>();
        for (FeatureTable.Column c : p.table().columns()) {
            cols.add(FeatureColumn.createColumn(
                    c.name(),
                    switch (c.type()) {
                        case INTEGER -> GeoPackageDataType.INTEGER;
                        case REAL -> GeoPackageDataType.DOUBLE;
                        case BOOLEAN -> GeoPackageDataType.BOOLEAN;
                        case DATE -> GeoPackageDataType.DATE;
                        case DATETIME -> GeoPackageDataType.DATETIME;
                        default -> GeoPackageDataType.TEXT;
                    }));
        }
        gp.createFeatureTable(FeatureTableMetadata.create(geom, "fid", cols, new BoundingBox(-180, -90, 180, 90)));
        MetadataExtension ext = new MetadataExtension(gp);
        ext.createMetadataTable();
        ext.createMetadataReferenceTable();
        ext.getOrCreate();
        Metadata md = new Metadata();
        md.setMetadataScope(MetadataScopeType.DATASET);
        md.setStandardUri("https://github.com/frontline/layer-style");
        md.setMimeType("application/json");
        md.setMetadata("{\"title\":" + JSON.writeValueAsString(p.layer().title()) + ",\"kind\":\""
                + p.layer().kind().code() + "\",\"style\":" + p.layer().style() + "}");
        ext.getMetadataDao().create(md);
        MetadataReference ref = new MetadataReference();
        ref.setReferenceScope(ReferenceScopeType.TABLE);
        ref.setTableName(p.layer().id());
        ref.setTimestamp(new Date());
        ref.setMetadata(md);
        ext.getMetadataReferenceDao().create(ref);
    }

    private static void insertRows(LayerService store, Connection c, Part p) throws SQLException {
        List<FeatureTable.Column> cols = p.table().columns();
        StringBuilder sql = new StringBuilder("INSERT INTO \"")
                .append(p.layer().id().replace("\"", "\"\""))
                .append("\" (geom");
        cols.forEach(col ->
                sql.append(", \"").append(col.name().replace("\"", "\"\"")).append('"'));
        sql.append(") VALUES (?").append(", ?".repeat(cols.size())).append(')');
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            WKBWriter wkb = new WKBWriter(2);
            int[] pending = {0};
            store.stream(p.query(), f -> {
                try {
                    ps.setBytes(1, GeoPackageGeometryData.bytesFromWkbAndBuildEnvelope(4326, wkb.write(f.geometry())));
                    List<Object> values = p.table().values(f);
                    for (int i = 0; i < values.size(); i++) {
                        bind(ps, i + 2, values.get(i));
                    }
                    ps.addBatch();
                    if (++pending[0] == BATCH) {
                        ps.executeBatch();
                        pending[0] = 0;
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot write feature " + f.featureId(), e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (pending[0] > 0) {
                ps.executeBatch();
            }
        }
    }

    private static void bind(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.NULL);
        } else if (v instanceof Long n) {
            ps.setLong(i, n);
        } else if (v instanceof Double d) {
            ps.setDouble(i, d);
        } else if (v instanceof Boolean b) {
            ps.setInt(i, b ? 1 : 0);
        } else {
            ps.setString(i, FeatureTable.text(v));
        }
    }

    private static GeometryType geometryType(LayerKind kind) {
        return switch (kind) {
            case EVENT, POINT -> GeometryType.POINT;
            default -> GeometryType.GEOMETRY;
        };
    }
}
