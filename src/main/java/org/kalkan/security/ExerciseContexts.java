package org.kalkan.security;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may work in which exercise context, answered by the module that owns exercises. Without an implementation
 * nobody may enter any exercise: the context check fails closed.
 */
public interface ExerciseContexts {

    /** Whether the user (taken in the real world) may work in the exercise: training audience, EXCON, evaluator. */
    boolean mayEnter(Subject subject, UUID exercise);

    /** The exercise's name for banners and markings, if it exists. */
    Optional<String> name(UUID exercise);
}
