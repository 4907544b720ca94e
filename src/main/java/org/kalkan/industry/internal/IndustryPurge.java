package org.kalkan.industry.internal;

import org.kalkan.security.AuditTrail;
import org.kalkan.shared.ExercisePurged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Deletes the co-production records of a purged exercise in the purge's own transaction (ADR 0006). */
@Component
class IndustryPurge {

    private final ProgrammeStore programmes;
    private final SupplierStore suppliers;
    private final LicenceStore licences;
    private final AuditTrail audit;

    IndustryPurge(ProgrammeStore programmes, SupplierStore suppliers, LicenceStore licences, AuditTrail audit) {
        this.programmes = programmes;
        this.suppliers = suppliers;
        this.licences = licences;
        this.audit = audit;
    }

    @EventListener
    void on(ExercisePurged purged) {
        int deleted = programmes.purge(purged.exerciseId()) + licences.purge(purged.exerciseId());
        deleted += suppliers.purge(purged.exerciseId());
        if (deleted > 0) {
            audit.record(purged.purgedBy(), "INDUSTRY_PURGED", "exercise:" + purged.exerciseId(),
                    deleted + " programmes, licences and suppliers");
        }
    }
}
