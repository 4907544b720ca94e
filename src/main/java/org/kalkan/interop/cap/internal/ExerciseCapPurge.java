package org.kalkan.interop.cap.internal;

import org.kalkan.security.AuditTrail;
import org.kalkan.shared.ExercisePurged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Deletes the CAP messages received in a purged exercise, in the purge's transaction (ADR 0006). */
@Component
class ExerciseCapPurge {

    private final CapStore store;
    private final AuditTrail audit;

    ExerciseCapPurge(CapStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    @EventListener
    void on(ExercisePurged purged) {
        int messages = store.purge(purged.exerciseId());
        audit.record(purged.purgedBy(), "EXERCISE_CAP_PURGED", "exercise:" + purged.exerciseId(),
                messages + " CAP messages deleted");
    }
}
