package org.kalkan.exercise.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kalkan.platform.LabelColumns;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.ExerciseContexts;
import org.kalkan.security.Subject;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may work in an exercise's context (ADR 0006): a user who may read the exercise and whose nation is in its
 * training audience, or who is on its EXCON staff, an evaluator, or its author. Archived and purged exercises
 * admit nobody.
 */
@Component
class ExerciseParticipation implements ExerciseContexts {

    private final JdbcClient jdbc;
    private final AccessPolicy policy;

    ExerciseParticipation(JdbcClient jdbc, AccessPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    private record Row(String name, String status, List<String> audience, List<String> staff, SecurityLabel label,
            NationCode origin) {
    }

    @Override
    public boolean mayEnter(Subject subject, UUID exercise) {
        Subject outside = subject.inRealWorld();
        return find(exercise)
                .filter(row -> row.status().equals("PLANNED") || row.status().equals("RUNNING")
                        || row.status().equals("ENDED"))
                .filter(row -> policy.canRead(outside, row.label(), row.origin()))
                .filter(row -> row.audience().contains(subject.nation().value())
                        || row.staff().contains(subject.username()))
                .isPresent();
    }

    @Override
    public Optional<String> name(UUID exercise) {
        return find(exercise).map(Row::name);
    }

    private Optional<Row> find(UUID id) {
        return jdbc.sql("""
                SELECT name, status, training_audience, excon_users || evaluator_users || created_by AS staff,
                       classification, releasable_to, origin_nation
                FROM exercise WHERE id = :id""").param("id", id)
                .query((rs, i) -> new Row(rs.getString("name"), rs.getString("status"),
                        strings(rs.getArray("training_audience")), strings(rs.getArray("staff")),
                        LabelColumns.read(rs), LabelColumns.origin(rs)))
                .optional();
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
