package org.kalkan.incident.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Short human references of incidents ({@code INC-2026-0142}, assigned by the database on insert): which incident a
 * reference names. Says nothing about who may read it: callers resolve the id through the access policy next.
 */
@Repository
class IncidentRefs {

    private final JdbcClient jdbc;

    IncidentRefs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UUID> idOf(String ref) {
        return jdbc.sql("SELECT id FROM incident WHERE ref = :ref").param("ref", ref)
                .query((rs, i) -> rs.getObject("id", UUID.class)).optional();
    }
}
