package org.kalkan.industry;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/**
 * A programme to create: participating nations with their cost shares (for every phase, and optionally different
 * shares for some phases), currency (ISO 4217), the phase, the MoU reference, the lead nation and the label.
 */
public record NewProgramme(String name, List<String> nations, Map<String, BigDecimal> costShares,
        Map<Phase, Map<String, BigDecimal>> phaseCostShares, String currency, Phase phase,
        @Nullable String mouReference, @Nullable String leadNation, SecurityLabel label) {

    public NewProgramme {
        nations = List.copyOf(nations);
        costShares = Map.copyOf(costShares);
        phaseCostShares = Map.copyOf(phaseCostShares);
    }
}
