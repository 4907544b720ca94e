package org.kalkan.security;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;

/**
 * Who is asking, and in which context: the input of every access decision. {@code exercise} is the exercise the
 * subject works in, or null for the real world; records of one context are never visible from another (ADR 0006).
 */
public record Subject(String username, NationCode nation, Classification clearance, Set<Role> roles,
        @Nullable UUID exercise) {

    public Subject {
        roles = Set.copyOf(roles);
    }

    /** A subject working in the real world. */
    public Subject(String username, NationCode nation, Classification clearance, Set<Role> roles) {
        this(username, nation, clearance, roles, null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The same user working in the given exercise. */
    public Subject inExercise(UUID exerciseId) {
        return new Subject(username, nation, clearance, roles, exerciseId);
    }

    /** The same user working in the real world. */
    public Subject inRealWorld() {
        return new Subject(username, nation, clearance, roles, null);
    }

    public boolean inExercise() {
        return exercise != null;
    }
}
