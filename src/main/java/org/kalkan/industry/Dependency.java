package org.kalkan.industry;

/** A finish-to-start link: the package may start {@code lagDays} calendar days after {@code code} finishes. */
public record Dependency(String code, int lagDays) {

    public Dependency {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a dependency names a work package code");
        }
    }
}
