package org.kalkan.exercise;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.Subject;

/**
 * Evaluation of an exercise: player actions (measured from events, or recorded by EXCON and evaluators when they
 * see them), evaluator observations, the computed measures of performance and the after-action report.
 */
public interface Evaluations {

    int MAX_TEXT = 4000;

    /** An evaluator records that a player did the expected action of an inject (e.g. opened the crisis). */
    PlayerAction recordAction(Subject evaluator, UUID exerciseId, int number, ExpectedAction action,
            String actor);

    /**
     * EXCON names the training objectives (e.g. {@code EOD-201.1}) an exercise objective tests, replacing those
     * named before; each must be an objective of a course the caller may read in the training catalogue.
     */
    List<String> nameTrainingObjectives(Subject excon, UUID exerciseId, String objective, List<String> codes);

    Observation observe(Subject evaluator, UUID exerciseId, @Nullable Integer injectNumber,
            @Nullable String objective, String text);

    Evaluation evaluate(Subject subject, UUID exerciseId);

    byte[] afterActionPdf(Subject subject, UUID exerciseId);
}
