package org.kalkan.security.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.ExerciseContexts;
import org.kalkan.security.Subject;
import org.kalkan.security.internal.KalkanPrincipal;
import org.kalkan.security.internal.PrincipalHolder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user on every page, for the shell's header, and the exercise they work in, for the shell's
 * exercise banner (ADR 0006).
 */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    private final CurrentSubject current;
    private final ObjectProvider<ExerciseContexts> exercises;

    CurrentUserAdvice(CurrentSubject current, ObjectProvider<ExerciseContexts> exercises) {
        this.current = current;
        this.exercises = exercises;
    }

    /** The exercise context of a page: its id (for links that keep it) and its name (for the banner). */
    record ExerciseContext(UUID id, String name) {
    }

    @ModelAttribute("me")
    @Nullable KalkanPrincipal me(@AuthenticationPrincipal @Nullable PrincipalHolder holder) {
        return holder == null ? null : holder.kalkanPrincipal();
    }

    @ModelAttribute("exerciseContext")
    @Nullable ExerciseContext exerciseContext(@AuthenticationPrincipal @Nullable PrincipalHolder holder,
            HttpServletRequest request) {
        // @RestController is a @Controller too: API answers render no banner, so they skip the name lookup
        if (holder == null || request.getRequestURI().startsWith("/api/")) {
            return null;
        }
        Subject subject;
        try {
            subject = current.get(); // refuses (403, audited) an exercise the user does not take part in
        } catch (IllegalArgumentException | AccessDeniedException refused) {
            if (request.getDispatcherType() == DispatcherType.ERROR) {
                return null; // the error page of that very refusal (a malformed or foreign ?exercise=)
            }
            throw refused;
        }
        UUID exercise = subject.exercise();
        if (exercise == null) {
            return null;
        }
        ExerciseContexts known = exercises.getIfAvailable();
        String name = known == null ? null : known.name(exercise).orElse(null);
        return new ExerciseContext(exercise, name == null ? exercise.toString() : name);
    }
}
