package org.kalkan.security;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The subject of the current request, for the access policy. Without an authenticated user it fails. The context
 * is the real world unless the request names an exercise ({@code ?exercise=<id>}) or the user chose one for the
 * session; entering an exercise the user does not take part in is refused and audited (ADR 0006). Implemented in
 * {@code security.web}, where the request is.
 */
public interface CurrentSubject {

    /** The session attribute holding the exercise the user chose to work in (a {@link UUID}). */
    String SESSION_EXERCISE = "kalkan.exercise";
    /** The request parameter naming the exercise context of one request. */
    String EXERCISE_PARAMETER = "exercise";

    /** The current subject in the request's context; fails without an authenticated user. */
    Subject get();

    /** The current subject in the request's context, if a user is authenticated. */
    Optional<Subject> find();

    /** The exercise the current request works in, or null for the real world (no check of the user). */
    @Nullable UUID requestedExercise();
}
