package org.kalkan.council;

import org.kalkan.security.Subject;

/**
 * The records a decision names (its crisis, the sourcing plan of {@code ACTIVATE_FORCES}, …) belong to other
 * modules, and only their owner resolves them. Each module that owns such records implements this: the Council asks
 * every implementation when the chair circulates or revises a decision, and again when it is about to take effect
 * (adoption), so a decision never acts on a record that does not exist, that the chair may not read, that belongs
 * to another context (the real world or another exercise), or whose state does not allow the measure.
 * Implemented by {@code crisis} (crises) and {@code force} (sourcing plans); the Council depends on neither.
 */
public interface DecisionReferences {

    /**
     * The chair circulates (or revises) a decision naming {@code named}: every record of this module it names must
     * exist, be readable by the chair in the chair's context, and be in a state that allows the measures. Throws
     * {@link org.kalkan.shared.NotFoundException} (absent or unreadable, indistinguishably),
     * {@link org.kalkan.shared.RefusedException} (state) or {@link IllegalArgumentException} (a malformed id).
     * May reserve what it names for the decision (a plan becomes circulated as it), in the caller's transaction.
     */
    void circulating(Subject chair, ReferencedRecords named);

    /**
     * The decision is about to take effect: what it names still exists in the decision's context and is in a state
     * that allows the measures (a plan is still the one circulated as this decision). Throws
     * {@link org.kalkan.shared.RefusedException} saying why not; the decision is then not adopted.
     */
    void takingEffect(ReferencedRecords named);
}
