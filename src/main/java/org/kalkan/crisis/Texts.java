package org.kalkan.crisis;

import org.jspecify.annotations.Nullable;

/** Checks free text from people: present, not blank, not too long (else 400, nothing stored). */
final class Texts {

    private Texts() {
    }

    static String required(@Nullable String text, String field, int max) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (text.length() > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters");
        }
        return text.strip();
    }
}
