package org.frontline.export.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.frontline.layers.FeatureQuery;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.frontline.layers.LayerService;

/**
 * A layer as a zipped ESRI Shapefile that GIS tools open without losing anything we can keep: UTF-8 text (a
 * {@code .cpg} says so, so {@code –} and {@code ‘} survive — GDAL writes ISO-8859-1 by default), field names of
 * at most 10 characters that stay unique and readable ({@link ShapefileNames}, listed in {@code .fields.csv}),
 * WGS 84 ({@code .prj}). Two passes over the features (sizing the text columns, then writing) through temporary
 * files, so memory stays flat.
 */
final class ShapefileExport {
    static final String WGS84_PRJ = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,"
            + "298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    private ShapefileExport() {}

    static void write(LayerService store, Layer layer, FeatureTable table, FeatureQuery q, OutputStream response)
            throws IOException {
        List<FeatureTable.Column> columns = table.columns();
        List<String> names = ShapefileNames.of(columns);
        int[] widths = new int[columns.size()];
        store.stream(q, f -> {
            List<Object> values = table.values(f);
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], DbfWriter.textLength(values.get(i)));
            }
        });
        Path dir = Files.createTempDirectory("frontline-shp");
        String base = layer.id().replaceAll("[^A-Za-z0-9_-]", "_");
        Path shp = dir.resolve(base + ".shp");
        Path shx = dir.resolve(base + ".shx");
        Path dbf = dir.resolve(base + ".dbf");
        try {
            try (ShpWriter geometry = new ShpWriter(shp, shx, shapeType(layer.kind()));
                    DbfWriter rows = new DbfWriter(dbf, columns, names, widths)) {
                store.stream(q, f -> {
                    try {
                        geometry.write(f.geometry());
                        rows.write(table.values(f));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            try (ZipOutputStream zip = new ZipOutputStream(response)) {
                for (Path p : List.of(shp, shx, dbf)) {
                    zip.putNextEntry(new ZipEntry(p.getFileName().toString()));
                    Files.copy(p, zip);
                    zip.closeEntry();
                }
                text(zip, base + ".prj", WGS84_PRJ);
                text(zip, base + ".cpg", "UTF-8");
                StringBuilder fields = new StringBuilder("shapefile_field,column\r\n");
                for (int i = 0; i < names.size(); i++) {
                    fields.append(names.get(i))
                            .append(',')
                            .append(columns.get(i).name())
                            .append("\r\n");
                }
                text(zip, base + ".fields.csv", fields.toString());
            }
        } finally {
            for (Path p : List.of(shp, shx, dbf, dir)) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void text(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static int shapeType(LayerKind kind) {
        return switch (kind) {
            case EVENT, POINT -> ShpWriter.POINT;
            case LINE -> ShpWriter.POLYLINE;
            case AREA -> ShpWriter.POLYGON;
        };
    }
}
