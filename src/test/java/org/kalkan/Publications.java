package org.kalkan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The node's event publication registry (Spring Modulith's JDBC outbox) as a test sees it. Every event a module
 * publishes in a transaction is stored there once per listener of another module, and marked complete when that
 * listener has run. A test that must show an event changed nothing somewhere waits until every listener has
 * handled it, instead of waiting a while and hoping they were quick.
 */
public final class Publications {

    private Publications() {
    }

    /**
     * Waits until every module listener of the events that name {@code id} (an incident, alert or decision id, as
     * the events carry it) has completed; fails if there is none, or if one is still running after ten seconds.
     */
    public static void awaitHandled(JdbcClient jdbc, String id) {
        String fragment = "%" + id + "%";
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :fragment")
                .param("fragment", fragment).query(Long.class).single()).as("events naming %s", id).isPositive();
        await("every listener has handled the events naming " + id).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL "
                        + "AND serialized_event LIKE :fragment").param("fragment", fragment).query(Long.class)
                        .single() == 0);
    }
}
