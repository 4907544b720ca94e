package org.kalkan.council;

import java.util.UUID;

/** Identifies a request for consultations. */
public record ConsultationId(UUID value) {

    public ConsultationId {
        if (value == null) {
            throw new IllegalArgumentException("a consultation id is required");
        }
    }

    public static ConsultationId of(String value) {
        return new ConsultationId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
