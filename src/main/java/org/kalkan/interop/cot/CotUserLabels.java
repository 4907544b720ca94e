package org.kalkan.interop.cot;

import org.kalkan.platform.LabelColumns;
import org.kalkan.shared.SecurityLabel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each user's default label for CoT they send without one; {@code kalkan.cot.default-label} otherwise. */
@Repository
class CotUserLabels {

    private final JdbcClient jdbc;
    private final SecurityLabel fallback;

    CotUserLabels(JdbcClient jdbc, CotProperties properties) {
        this.jdbc = jdbc;
        this.fallback = CotXml.marking(properties.defaultLabel());
    }

    SecurityLabel defaultLabel(String username) {
        return jdbc.sql("SELECT classification, releasable_to FROM cot_user_label WHERE username = :username")
                .param("username", username)
                .query((rs, i) -> LabelColumns.read(rs))
                .optional().orElse(fallback);
    }

    void set(String username, SecurityLabel label) {
        jdbc.sql("""
                INSERT INTO cot_user_label (username, classification, releasable_to)
                VALUES (:username, :classification, :releasableTo)
                ON CONFLICT (username) DO UPDATE
                SET classification = EXCLUDED.classification, releasable_to = EXCLUDED.releasable_to""")
                .param("username", username).param("classification", LabelColumns.classification(label))
                .param("releasableTo", LabelColumns.releasableTo(label)).update();
    }
}
