package org.kalkan.cop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MbTilesTests {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0};

    @Test
    void readsTilesOfAnMbTilesPackageFlippingRowsFromTms(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("region.mbtiles");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
            s.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
            s.execute("INSERT INTO metadata VALUES ('format', 'png'), ('maxzoom', '6'), ('name', 'Caspian')");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO tiles VALUES (2, 2, 2, ?)")) {
                insert.setBytes(1, PNG);
                insert.executeUpdate();
            }
        }
        MbTiles tiles = at(file.toString());
        assertThat(tiles.available()).isTrue();
        assertThat(tiles.metadata()).containsEntry("maxzoom", "6").containsEntry("name", "Caspian");
        // XYZ row 1 at zoom 2 is TMS row 4 - 1 - 1 = 2.
        assertThat(tiles.tile(2, 2, 1)).hasValue(PNG);
        assertThat(tiles.tile(2, 2, 2)).isEmpty();
        assertThat(tiles.tile(2, 9, 1)).isEmpty();
    }

    private static MbTiles at(String path) {
        return new MbTiles(new org.kalkan.cop.CopProperties(16, java.time.Duration.ofSeconds(15),
                java.time.Duration.ofMinutes(30), path));
    }

    @Test
    void withoutAPackageThereAreNoTiles() {
        MbTiles none = at("");
        assertThat(none.available()).isFalse();
        assertThat(none.tile(0, 0, 0)).isEmpty();
        assertThat(at("/nonexistent/file.mbtiles").available()).isFalse();
        assertThat(Files.exists(Path.of("/nonexistent/file.mbtiles"))).isFalse();
    }
}
