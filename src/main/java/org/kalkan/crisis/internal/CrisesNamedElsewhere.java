package org.kalkan.crisis.internal;

import java.util.Objects;
import java.util.UUID;
import org.kalkan.council.DecisionReferences;
import org.kalkan.council.ReferencedRecords;
import org.kalkan.crisis.Crisis;
import org.kalkan.crisis.CrisisId;
import org.kalkan.crisis.CrisisPhase;
import org.kalkan.notification.AlertCrises;
import org.kalkan.security.Subject;
import org.kalkan.shared.RefusedException;
import org.springframework.stereotype.Component;

/**
 * Crisis ids that other modules' requests name, resolved here, where crises live: a Council decision's crisis (for
 * the chair at circulation, and again when the decision takes effect) and an alert's crisis (for its sender). A
 * crisis is resolved as {@link CrisisAccess#readable} does for any read — its label, its team, the caller's context
 * — so absent and hidden crises are the same 404.
 */
@Component
class CrisesNamedElsewhere implements DecisionReferences, AlertCrises {

    private final CrisisAccess access;
    private final CrisisStore crises;

    CrisesNamedElsewhere(CrisisAccess access, CrisisStore crises) {
        this.access = access;
        this.crises = crises;
    }

    @Override
    public void circulating(Subject chair, ReferencedRecords named) {
        if (named.crisisId() == null) {
            return;
        }
        Crisis crisis = access.readable(chair, new CrisisId(named.crisisId()));
        if (crisis.phase() == CrisisPhase.CLOSED) {
            throw new RefusedException("The crisis is closed: a Council decision can no longer act on it.");
        }
    }

    @Override
    public void takingEffect(ReferencedRecords named) {
        if (named.crisisId() == null) {
            return;
        }
        Crisis crisis = crises.get(new CrisisId(named.crisisId()))
                .orElseThrow(() -> new RefusedException("the crisis it names no longer exists"));
        if (!Objects.equals(crisis.exerciseId(), named.exerciseId())) {
            throw new RefusedException("the crisis it names belongs to another context than the decision");
        }
        if (crisis.phase() == CrisisPhase.CLOSED && !named.measures().isEmpty()) {
            throw new RefusedException("the crisis its measures act on is closed");
        }
    }

    @Override
    public void requireReadable(Subject sender, UUID crisisId) {
        access.readable(sender, new CrisisId(crisisId));
    }
}
