package org.frontline.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import org.frontline.layers.Layer;
import org.frontline.layers.LayerKind;
import org.frontline.layers.NewFeature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What GpkgContentFuzzTest found, as a user sees it: each GeoPackage is refused naming the problem (a 400 at
 * upload) or has the bad row refused with a reason, instead of an IllegalArgumentException, a
 * StringIndexOutOfBoundsException (a column name starting with a line break) an ArrayIndexOutOfBoundsException (a geometry column the table lacks) or a StackOverflowError (a 500, or an import job that never ends).
 */
class GpkgFormatFindingsTest {
    private static final GpkgFormat FORMAT = new GpkgFormat();
    private static final GeoPackage GP = HostileGpkg.open("GpkgImportFuzzTestInputs/geoPackage/ogr2ogr-points.gpkg");
    private static final Layer EVENTS = new Layer("events", "Events", LayerKind.EVENT, "{}", 0, null, null);
    private static final Map<String, String> MAPPING = Map.of("validFrom", "since", "validTo", "until");

    @AfterEach
    void restore() {
        HostileGpkg.undo(GP);
    }

    @Test
    void aGeometryTypeNameThatIsNoGeometryTypeIsRefusedNamingIt() throws SQLException {
        sql("UPDATE gpkg_geometry_columns SET geometry_type_name = ?", "2");

        assertThatThrownBy(() -> FORMAT.check(GP, EVENTS, MAPPING))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("geometry type '2' in gpkg_geometry_columns, which is not a GeoPackage geometry");
    }

    @Test
    void aGeometryColumnTheTableDoesNotHaveIsRefusedNamingIt() throws SQLException {
        sql("UPDATE gpkg_geometry_columns SET column_name = 'shape'");

        assertThatThrownBy(() -> FORMAT.check(GP, EVENTS, MAPPING))
                .isInstanceOf(ImportException.class)
                .hasMessage("table 'events' has no column 'shape', which gpkg_geometry_columns names as its geometry "
                        + "column");
    }

    @Test
    void aColumnNameStartingWithALineBreakIsRefusedAsATableTheLibraryCannotParse() throws SQLException {
        sql("ALTER TABLE events RENAME COLUMN note TO \"\nnote\"");

        assertThatThrownBy(() -> FORMAT.check(GP, EVENTS, MAPPING))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("table 'events' cannot be read: the GeoPackage library cannot parse");
    }

    @Test
    void aGeometryNestedTwoHundredThousandCollectionsDeepIsARefusedRowAndTheOtherRowsImport() throws Exception {
        sql("UPDATE events SET geom = ? WHERE fid = 1", nested(200_000));
        List<String> refused = new ArrayList<>();
        List<NewFeature> features = new ArrayList<>();

        read(features, refused);

        assertThat(refused)
                .containsExactly("1: its geometry is nested too deeply to read (collections within collections)");
        assertThat(features).hasSize(1);
        assertThat(features.get(0).properties()).containsEntry("who", "Enab Baladi");
    }

    private static void read(List<NewFeature> features, List<String> refused) throws IOException {
        FORMAT.check(GP, EVENTS, MAPPING);
        FORMAT.read(GP, EVENTS, MAPPING, ImportFuzzing.job(new byte[0]), new ImportFormat.Rows() {
            @Override
            public void feature(long line, NewFeature feature) {
                features.add(feature);
            }

            @Override
            public void refused(long line, String problem) {
                refused.add(line + ": " + problem);
            }
        });
    }

    /** A GeoPackage geometry blob: a point inside {@code levels} geometry collections of one member each. */
    private static byte[] nested(int levels) {
        ByteBuffer b = ByteBuffer.allocate(8 + levels * 9 + 21).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 1).putInt(4326);
        for (int i = 0; i < levels; i++) {
            b.put((byte) 1).putInt(7).putInt(1);
        }
        b.put((byte) 1).putInt(1).putDouble(36.6).putDouble(35.4);
        return b.array();
    }

    private static void sql(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = GP.getConnection().getConnection().prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
