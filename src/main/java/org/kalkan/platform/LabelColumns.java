package org.kalkan.platform;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.TreeSet;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * The one mapping of a {@link SecurityLabel} to and from its columns (ADR 0002): {@code classification SMALLINT}
 * (the rank) and {@code releasable_to TEXT[]}, optionally behind a prefix when a query joins two labelled tables.
 * A row whose label cannot be read fails the read, so an unreadable label never becomes a readable record.
 */
public final class LabelColumns {

    private LabelColumns() {
    }

    public static SecurityLabel read(ResultSet rs) throws SQLException {
        return read(rs, "");
    }

    /** Reads {@code <prefix>classification} and {@code <prefix>releasable_to}. */
    public static SecurityLabel read(ResultSet rs, String prefix) throws SQLException {
        int rank = rs.getInt(prefix + "classification");
        if (rs.wasNull()) {
            throw new SQLException("row without " + prefix + "classification");
        }
        Array array = rs.getArray(prefix + "releasable_to");
        if (array == null) {
            throw new SQLException("row without " + prefix + "releasable_to");
        }
        return new SecurityLabel(Classification.ofRank(rank), new TreeSet<>(Arrays.asList((String[]) array.getArray())));
    }

    /** Reads the originating nation ({@code origin_nation CHAR(3)}, ADR 0002) that goes with a label. */
    public static NationCode origin(ResultSet rs) throws SQLException {
        return origin(rs, "");
    }

    /** Reads {@code <prefix>origin_nation}. */
    public static NationCode origin(ResultSet rs, String prefix) throws SQLException {
        String origin = rs.getString(prefix + "origin_nation");
        if (origin == null) {
            throw new SQLException("row without " + prefix + "origin_nation");
        }
        return NationCode.of(origin);
    }

    /** The value of the {@code classification} column. */
    public static int classification(SecurityLabel label) {
        return label.classification().rank();
    }

    /** The value of the {@code releasable_to} column. */
    public static String[] releasableTo(SecurityLabel label) {
        return label.releasableTo().toArray(String[]::new);
    }
}
