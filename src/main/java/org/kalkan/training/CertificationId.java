package org.kalkan.training;

import java.util.UUID;

/** Identifies one evaluation of a unit for a capability. */
public record CertificationId(UUID value) {

    public CertificationId {
        if (value == null) {
            throw new IllegalArgumentException("an id is required");
        }
    }

    public static CertificationId random() {
        return new CertificationId(UUID.randomUUID());
    }

    /** Parses a request's id; a malformed one is bad input naming the field. */
    public static CertificationId parse(String text, String field) {
        try {
            return new CertificationId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not an id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
