package org.kalkan.archfixture.web;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Breaks the rule "web adapters do no domain work" on purpose, so the architecture tests can show it fails. */
public final class PageThatRunsSql {

    private PageThatRunsSql() {
    }

    public static long count(JdbcClient jdbc) {
        return jdbc.sql("SELECT 1").query(Long.class).single();
    }
}
