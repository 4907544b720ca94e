package org.kalkan.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.ExerciseContexts;
import org.kalkan.security.Subject;
import org.kalkan.security.internal.PrincipalHolder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** {@link CurrentSubject} from the security context and the current request (its exercise parameter or session). */
@Component("currentSubject")
class RequestSubject implements CurrentSubject {

    private static final String RESOLVED = CurrentSubject.class.getName() + ".resolved";

    private final ObjectProvider<ExerciseContexts> contexts;
    private final AuditTrail audit;

    RequestSubject(ObjectProvider<ExerciseContexts> contexts, AuditTrail audit) {
        this.contexts = contexts;
        this.audit = audit;
    }

    @Override
    public Subject get() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not authenticated"));
    }

    @Override
    public Optional<Subject> find() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PrincipalHolder holder) {
            return Optional.of(inContext(holder.kalkanPrincipal().subject()));
        }
        return Optional.empty();
    }

    @Override
    public @Nullable UUID requestedExercise() {
        HttpServletRequest request = currentRequest();
        if (request == null) {
            return null;
        }
        String parameter = request.getParameter(EXERCISE_PARAMETER);
        if (parameter != null && !parameter.isBlank()) {
            try {
                return UUID.fromString(parameter.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The exercise parameter is not an exercise id: " + parameter);
            }
        }
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SESSION_EXERCISE) instanceof UUID chosen ? chosen : null;
    }

    private Subject inContext(Subject subject) {
        HttpServletRequest request = currentRequest();
        if (request == null) {
            return subject;
        }
        if (request.getAttribute(RESOLVED) instanceof Subject resolved && resolved.username().equals(subject.username())) {
            return resolved;
        }
        UUID exercise = requestedExercise();
        Subject resolved = subject;
        if (exercise != null) {
            ExerciseContexts known = contexts.getIfAvailable();
            if (known == null || !known.mayEnter(subject, exercise)) {
                HttpSession session = request.getSession(false);
                if (session != null && exercise.equals(session.getAttribute(SESSION_EXERCISE))) {
                    session.removeAttribute(SESSION_EXERCISE); // e.g. purged: the next request is the real world
                }
                audit.recordDenial(subject.username(), "ENTER_EXERCISE", "exercise:" + exercise,
                        "not a participant of the exercise");
                throw new AccessDeniedException("You do not take part in exercise " + exercise + ".");
            }
            resolved = subject.inExercise(exercise);
        }
        request.setAttribute(RESOLVED, resolved);
        return resolved;
    }

    private static @Nullable HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
