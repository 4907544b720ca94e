package org.kalkan.training;

import org.jspecify.annotations.Nullable;

/** One yes/no criterion of an evaluation checklist, with its evidence. */
public record Criterion(String criterion, boolean met, @Nullable String evidence) {

    public Criterion {
        if (criterion == null || criterion.isBlank() || criterion.length() > 500) {
            throw new IllegalArgumentException("evidence.criteria: each criterion needs a text of at most 500 "
                    + "characters");
        }
        criterion = criterion.strip();
        evidence = evidence == null || evidence.isBlank() ? null : evidence.strip();
        if (evidence != null && evidence.length() > 2000) {
            throw new IllegalArgumentException("evidence.criteria: evidence is at most 2000 characters");
        }
    }
}
