package org.kalkan.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** Text PostgreSQL refuses to store is recognised wherever it sits in the cause chain, and nothing else is. */
class PostgresUnstorableTextTests {

    private final PostgresUnstorableText unstorable = new PostgresUnstorableText();

    @Test
    void aNulInTextOrJsonbIsUnstorableTextEvenWhenWrapped() {
        assertThat(unstorable.causedBy(new DataIntegrityViolationException("insert",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")))).isTrue();
        assertThat(unstorable.causedBy(new RuntimeException(new SQLException("unsupported Unicode escape", "22P05"))))
                .isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertThat(unstorable.causedBy(new DataIntegrityViolationException("insert",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(unstorable.causedBy(new IllegalStateException("no database involved"))).isFalse();
    }
}
