package org.kalkan.archfixture;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Breaks the rule "SQL only in internal" on purpose, so architecture tests can show their rules fail. */
public final class SqlOutsideInternal {

    private SqlOutsideInternal() {
    }

    public static long count(JdbcClient jdbc) {
        return jdbc.sql("SELECT 1").query(Long.class).single();
    }
}
