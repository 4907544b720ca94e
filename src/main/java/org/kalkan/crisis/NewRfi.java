package org.kalkan.crisis;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** A request for information to add to a crisis; without a label it takes the crisis's. */
public record NewRfi(String question, List<NationCode> addressedTo, Instant deadline, @Nullable SecurityLabel label) {

    public static final int MAX_QUESTION = 4000;

    public NewRfi {
        question = Texts.required(question, "question", MAX_QUESTION);
        if (addressedTo == null || addressedTo.isEmpty()) {
            throw new IllegalArgumentException("addressedTo needs at least one nation");
        }
        addressedTo = addressedTo.stream().distinct().sorted().toList();
        if (deadline == null) {
            throw new IllegalArgumentException("deadline is required");
        }
    }
}
