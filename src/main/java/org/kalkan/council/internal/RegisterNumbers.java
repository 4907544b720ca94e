package org.kalkan.council.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Gapless register numbers per year of adoption, {@code JDC-2026-0007}. The year's counter row is locked by the
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

    /** Must run in the adopting transaction. */
    String next(Instant adoptedAt) {
        int year = adoptedAt.atZone(ZoneOffset.UTC).getYear();
        int number = jdbc.sql("""
                INSERT INTO council_register_counter (year, last_number) VALUES (:year, 1)
                ON CONFLICT (year) DO UPDATE SET last_number = council_register_counter.last_number + 1
                RETURNING last_number""")
                .param("year", year).query(Integer.class).single();
        return String.format("%s-%04d-%04d", prefix, year, number);
    }
}
