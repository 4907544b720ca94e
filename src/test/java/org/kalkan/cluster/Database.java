package org.kalkan.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the database the instances of a cluster test share, straight, bypassing every instance. */
final class Database {

    private Database() {
    }

    /** The first column of the first row of a query ("" for no row). */
    static Object single(EmbeddedPostgres postgres, String sql, Object... parameters) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getObject(1) : "";
            }
        }
    }
}
