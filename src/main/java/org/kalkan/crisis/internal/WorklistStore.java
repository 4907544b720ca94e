package org.kalkan.crisis.internal;

import java.util.List;
import java.util.UUID;
import org.kalkan.crisis.CrisisTask;
import org.kalkan.crisis.Rfi;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.NationCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for a person's open work across the crises they may see: their tasks and the RFIs their nation owes. */
@Repository
class WorklistStore {

    private final JdbcClient jdbc;

    WorklistStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Open tasks of the crises owned by the user or their nation, readable through {@code filter} (alias t). */
    public List<CrisisTask> openTasks(List<UUID> crises, String username, NationCode nation, LabelFilter filter) {
        return jdbc.sql("SELECT * FROM crisis_task t WHERE t.crisis_id = ANY(:crises)"
                        + " AND t.status IN ('OPEN', 'IN_PROGRESS')"
                        + " AND ((t.owner_kind = 'USER' AND t.owner = :user) OR (t.owner_kind = 'NATION' AND t.owner = :nation))"
                        + " AND " + filter.sql() + " ORDER BY t.due_at, t.id LIMIT 100")
                .param("crises", crises.toArray(UUID[]::new)).param("user", username).param("nation", nation.value())
                .params(filter.parameters()).query(CrisisRows::task).list();
    }

    /** Open RFIs of the crises addressed to the nation that no one of it has answered yet (alias r). */
    public List<Rfi> openRfis(List<UUID> crises, NationCode nation, LabelFilter filter) {
        return jdbc.sql("SELECT * FROM crisis_rfi r WHERE r.crisis_id = ANY(:crises) AND r.status = 'OPEN'"
                        + " AND :nation = ANY(r.addressed_to)"
                        + " AND NOT EXISTS (SELECT 1 FROM crisis_rfi_answer a WHERE a.rfi_id = r.id"
                        + " AND a.origin_nation = :nation)"
                        + " AND " + filter.sql() + " ORDER BY r.deadline, r.id LIMIT 100")
                .param("crises", crises.toArray(UUID[]::new)).param("nation", nation.value())
                .params(filter.parameters()).query(CrisisRows::rfi).list();
    }
}
