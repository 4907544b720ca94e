package org.kalkan.training;

import java.time.LocalDate;
import java.util.List;
import org.kalkan.force.UnitId;
import org.kalkan.security.Subject;

/**
 * Unit certification and readiness. The coordinator, the unit's nation's training managers, or an evaluator of the
 * exercise given as evidence record evaluations; the unit's nation sets its billets (how many qualified people
 * each capability needs). Readiness is computed from both, never typed in.
 */
public interface Certifications {

    UnitCertification certify(Subject subject, CertificationRequest request);

    /** Every evaluation of the unit, newest first, if the subject may read the unit. */
    List<UnitCertification> history(Subject subject, UnitId unit);

    /** Replaces the unit's billets (its nation's training managers only). */
    List<Billet> setBillets(Subject manager, UnitId unit, List<Billet> billets);

    List<Billet> billets(Subject subject, UnitId unit);

    /**
     * Readiness on the day of every unit the subject may read, for each capability it was evaluated for or has
     * billets in.
     */
    List<ReadinessEntry> board(Subject subject, LocalDate day);
}
