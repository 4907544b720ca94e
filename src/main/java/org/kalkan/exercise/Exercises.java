package org.kalkan.exercise;

import java.util.List;
import java.util.UUID;
import org.kalkan.security.Subject;
import org.kalkan.shared.ExercisePurged;

/**
 * Exercise plans: exercise directors plan and edit them; everyone reads those whose label they may read. Archiving
 * closes the exercise's context to everybody; purging deletes its records here and in the other modules.
 */
public interface Exercises {

    /** A new exercise, planned by an exercise director. */
    Exercise plan(Subject director, ExercisePlan plan);

    /** The plan changed while the exercise is open; refused (409) for a stale version. */
    Exercise edit(Subject director, UUID id, ExercisePlan plan, int version);

    /** Every exercise the subject may read. */
    List<Exercise> list(Subject subject);

    /** The exercise, if the subject may read it (404 otherwise). */
    Exercise find(Subject subject, UUID id);

    /** Exercises whose context the user may enter, for the context switcher. */
    List<Exercise> enterable(Subject subject);

    /** Archives the exercise: nobody enters its context any more; its records stay. */
    Exercise archive(Subject director, UUID id);

    /**
     * Purges the exercise in one audited transaction: its injects, player actions and observations here, and through
     * {@link ExercisePurged} (synchronous listeners) the reports, incidents, alerts, crises and force requirements
     * other modules stored in its context. The exercise row stays as PURGED with its lessons learned. Council
     * records of the exercise stay: the Council's record is immutable by design (they remain visible only inside
     * the purged exercise, which nobody can enter any more).
     */
    Exercise purge(Subject director, UUID id);
}
