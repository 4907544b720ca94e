package org.kalkan.council;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/**
 * What a decision names, for the modules that own it ({@link DecisionReferences}): the decision, its label and
 * context ({@code exerciseId}, null = real world), the crisis it answers and the measures with their parameters.
 */
public record ReferencedRecords(DecisionId decisionId, SecurityLabel label, @Nullable UUID exerciseId,
        @Nullable UUID crisisId, List<MeasureOrder> measures) {

    public ReferencedRecords {
        measures = List.copyOf(measures);
    }

    /** The parameter of every named measure of that code (e.g. the {@code plan} of each ACTIVATE_FORCES). */
    public List<String> parameters(String measureCode, String parameter) {
        return measures.stream().filter(m -> m.code().equals(measureCode))
                .map(m -> m.parameters().getOrDefault(parameter, "")).toList();
    }
}
