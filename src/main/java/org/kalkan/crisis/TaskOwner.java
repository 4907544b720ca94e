package org.kalkan.crisis;

import java.util.Locale;

/** Who owns a task: a user (username), a nation (ISO alpha-3) or a cell (a name such as {@code J2}). */
public record TaskOwner(Kind kind, String name) {

    public enum Kind { USER, NATION, CELL }

    public TaskOwner {
        if (kind == null) {
            throw new IllegalArgumentException("owner.kind is required: USER, NATION or CELL");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("owner.name is required (at most 100 characters)");
        }
        if (kind == Kind.NATION && !org.kalkan.shared.NationCode.isValid(name)) {
            throw new IllegalArgumentException("a nation owner is an ISO 3166-1 alpha-3 code, not " + name);
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + " " + name;
    }
}
