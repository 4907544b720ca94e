package org.kalkan.council.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.council.CouncilProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Gapless register numbers per year of adoption, {@code JDC-2026-0007}, and per exercise for its decisions. The year's counter row is locked by the
 * adopting transaction, so numbers are assigned in commit order and a rolled-back adoption leaves no gap.
 */
@Repository
class RegisterNumbers {

    private final JdbcClient jdbc;
    private final String prefix;

    RegisterNumbers(JdbcClient jdbc, CouncilProperties properties) {
        this.jdbc = jdbc;
        this.prefix = properties.registerPrefix();
    }

    /**
     * Must run in the adopting transaction. A decision of an exercise ({@code exercise} not null) takes the next
     * number of that exercise's own register, {@code EX-JDC-2026-0001}: the real register stays gapless (ADR 0006).
     */
    String next(Instant adoptedAt, @Nullable UUID exercise) {
        int year = adoptedAt.atZone(ZoneOffset.UTC).getYear();
        if (exercise != null) {
            int number = jdbc.sql("""
                    INSERT INTO council_exercise_register_counter (exercise_id, year, last_number)
                    VALUES (:exercise, :year, 1)
                    ON CONFLICT (exercise_id, year) DO UPDATE
                        SET last_number = council_exercise_register_counter.last_number + 1
                    RETURNING last_number""")
                    .param("exercise", exercise).param("year", year).query(Integer.class).single();
            return String.format("EX-%s-%04d-%04d", prefix, year, number);
        }
        int number = jdbc.sql("""
                INSERT INTO council_register_counter (year, last_number) VALUES (:year, 1)
                ON CONFLICT (year) DO UPDATE SET last_number = council_register_counter.last_number + 1
                RETURNING last_number""")
                .param("year", year).query(Integer.class).single();
        return String.format("%s-%04d-%04d", prefix, year, number);
    }
}
