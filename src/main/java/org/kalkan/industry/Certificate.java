package org.kalkan.industry;

import java.time.LocalDate;

/** A quality certificate of a supplier (e.g. {@code AQAP-2110}) valid until a date (inclusive). */
public record Certificate(String standard, LocalDate validUntil) {

    public boolean validThrough(LocalDate date) {
        return !validUntil.isBefore(date);
    }
}
