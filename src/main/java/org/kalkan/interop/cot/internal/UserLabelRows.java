package org.kalkan.interop.cot.internal;

import java.util.Optional;
import org.kalkan.interop.cot.StoredUserLabels;
import org.kalkan.platform.LabelColumns;
import org.kalkan.shared.SecurityLabel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link StoredUserLabels} in the {@code cot_user_label} table. */
@Repository
class UserLabelRows implements StoredUserLabels {

    private final JdbcClient jdbc;

    UserLabelRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SecurityLabel> find(String username) {
        return jdbc.sql("SELECT classification, releasable_to FROM cot_user_label WHERE username = :username")
                .param("username", username)
                .query((rs, i) -> LabelColumns.read(rs))
                .optional();
    }

    @Override
    public void save(String username, SecurityLabel label) {
        jdbc.sql("""
                INSERT INTO cot_user_label (username, classification, releasable_to)
                VALUES (:username, :classification, :releasableTo)
                ON CONFLICT (username) DO UPDATE
                SET classification = EXCLUDED.classification, releasable_to = EXCLUDED.releasable_to""")
                .param("username", username).param("classification", LabelColumns.classification(label))
                .param("releasableTo", LabelColumns.releasableTo(label)).update();
    }
}
