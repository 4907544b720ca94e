package org.kalkan.crisis;

import org.kalkan.shared.SecurityLabel;

/** A crisis moved from one phase to another. */
public record CrisisPhaseChanged(CrisisId crisisId, CrisisPhase from, CrisisPhase to, String actor,
        SecurityLabel label) {
}
