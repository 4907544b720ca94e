package org.kalkan.council.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** Reads and writes the three label columns of ADR 0002. */
final class Labels {

    private Labels() {
    }

    static SecurityLabel read(ResultSet rs) throws SQLException {
        return SecurityLabel.of(Classification.ofRank(rs.getInt("classification")),
                Arrays.asList((String[]) rs.getArray("releasable_to").getArray()));
    }

    static NationCode origin(ResultSet rs) throws SQLException {
        return NationCode.of(rs.getString("origin_nation"));
    }

    static String[] releasableTo(SecurityLabel label) {
        return label.releasableTo().toArray(String[]::new);
    }
}
