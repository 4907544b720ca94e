package org.kalkan.interop.cot;

import java.util.Arrays;
import org.kalkan.shared.Classification;
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
                .query((rs, i) -> SecurityLabel.of(Classification.ofRank(rs.getInt("classification")),
                        Arrays.asList((String[]) rs.getArray("releasable_to").getArray())))
                .optional().orElse(fallback);
    }

    void set(String username, SecurityLabel label) {
        jdbc.sql("""
                INSERT INTO cot_user_label (username, classification, releasable_to)
                VALUES (:username, :classification, :releasableTo)
                ON CONFLICT (username) DO UPDATE
                SET classification = EXCLUDED.classification, releasable_to = EXCLUDED.releasable_to""")
                .param("username", username).param("classification", label.classification().rank())
                .param("releasableTo", label.releasableTo().toArray(String[]::new)).update();
    }
}
