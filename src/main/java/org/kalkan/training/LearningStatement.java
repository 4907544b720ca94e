package org.kalkan.training;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An xAPI statement as the training module needs it: who (actor), did what (verb IRI), to which activity (IRI),
 * with what result, when. {@code document} is the statement exactly as the learning system sent it (opaque here,
 * kept for the record store); Kalkan's own statements have none and are written out from these fields.
 */
public record LearningStatement(UUID id, Agent actor, String verb, String activity, @Nullable String activityName,
        @Nullable Boolean success, @Nullable Boolean completion, @Nullable Instant timestamp,
        @Nullable String document) {

    public static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    public static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    public static final String FAILED = "http://adlnet.gov/expapi/verbs/failed";

    /** Whether it reports finishing an activity (completed, passed, failed): the statements mapped to records. */
    public boolean reportsCompletion() {
        return verb.equals(COMPLETED) || verb.equals(PASSED) || verb.equals(FAILED);
    }

    /** The outcome it reports: passed (or completed with success), completed, or failed. */
    public Outcome outcome() {
        if (verb.equals(FAILED) || Boolean.FALSE.equals(success)) {
            return Outcome.FAILED;
        }
        return verb.equals(PASSED) || Boolean.TRUE.equals(success) ? Outcome.PASSED : Outcome.COMPLETED;
    }
}
