package org.kalkan.cop.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.kalkan.cop.CopProperties;
import org.springframework.stereotype.Component;

/**
 * Reads raster tiles from an MBTiles package (SQLite, TMS rows) so an operator can give the map a detailed
 * offline basemap. Opened read-only per request: the file may be replaced while the node runs.
 */
@Component
public class MbTiles {

    private final String path;

    MbTiles(CopProperties properties) {
        this.path = properties.basemapMbtiles();
    }

    /** Whether a package is configured and present. */
    public boolean available() {
        return !path.isBlank() && Files.isRegularFile(Path.of(path));
    }

    /** The package's metadata table (format, minzoom, maxzoom, name, attribution, ...). */
    public Map<String, String> metadata() {
        Map<String, String> metadata = new HashMap<>();
        if (!available()) {
            return metadata;
        }
        try (Connection c = open(); PreparedStatement s = c.prepareStatement("SELECT name, value FROM metadata");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                metadata.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the basemap package " + path + ": " + e.getMessage(), e);
        }
        return metadata;
    }

    /** The tile at zoom z, column x and XYZ row y (flipped to the package's TMS row). */
    public Optional<byte[]> tile(int z, int x, int y) {
        if (!available() || z < 0 || z > 24 || x < 0 || y < 0 || x >= (1 << z) || y >= (1 << z)) {
            return Optional.empty();
        }
        int tmsRow = (1 << z) - 1 - y;
        try (Connection c = open(); PreparedStatement s = c.prepareStatement(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?")) {
            s.setInt(1, z);
            s.setInt(2, x);
            s.setInt(3, tmsRow);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the basemap package " + path + ": " + e.getMessage(), e);
        }
    }

    private Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:file:" + path + "?mode=ro");
    }
}
