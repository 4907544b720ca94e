package org.kalkan.council.internal;

import java.util.ArrayList;
import java.util.List;
import org.kalkan.council.DecisionReferences;
import org.kalkan.council.ReferencedRecords;
import org.kalkan.security.Subject;
import org.kalkan.shared.DomainException;
import org.kalkan.shared.RefusedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Asks the modules that own what a decision names ({@link DecisionReferences}) to resolve it: for the chair at
 * circulation, and without a user when the decision takes effect. Looked up lazily, since those modules depend on
 * the Council. A decision naming anything while no owner is present is refused: the check fails closed.
 */
@Component
class References {

    private final ObjectProvider<DecisionReferences> owners;

    References(ObjectProvider<DecisionReferences> owners) {
        this.owners = owners;
    }

    void circulating(Subject chair, ReferencedRecords named) {
        List<DecisionReferences> all = owners.orderedStream().toList();
        if (all.isEmpty() && names(named)) {
            throw new RefusedException("The records this decision names cannot be checked on this node.");
        }
        all.forEach(owner -> owner.circulating(chair, named));
    }

    /** Why what the decision names no longer allows it to take effect; empty when everything holds. */
    List<String> takingEffect(ReferencedRecords named) {
        List<DecisionReferences> all = owners.orderedStream().toList();
        if (all.isEmpty() && names(named)) {
            return List.of("the records it names cannot be checked on this node");
        }
        List<String> faults = new ArrayList<>();
        for (DecisionReferences owner : all) {
            try {
                owner.takingEffect(named);
            } catch (DomainException | IllegalArgumentException refused) {
                faults.add(String.valueOf(refused.getMessage()));
            }
        }
        return faults;
    }

    private static boolean names(ReferencedRecords named) {
        return named.crisisId() != null || !named.measures().isEmpty();
    }
}
