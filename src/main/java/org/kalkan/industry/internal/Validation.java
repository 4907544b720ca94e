package org.kalkan.industry.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.InvalidInputException;
import org.kalkan.shared.InvalidInputException.Violation;

/** Collects every violation of a request before anything is written; refuses them together. */
final class Validation {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    static final BigDecimal MAX_MONEY = new BigDecimal("99999999999999999.99");

    private final List<Violation> violations = new ArrayList<>();

    void require(boolean condition, String where, String message) {
        if (!condition) {
            violations.add(new Violation(where, message));
        }
    }

    /** A trimmed text of 1 to {@code max} characters, or a violation (and null). */
    @Nullable String text(@Nullable String value, String where, int max) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(where, "is required"));
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            violations.add(new Violation(where, "has more than " + max + " characters"));
            return null;
        }
        return stripped;
    }

    /** A positive amount with at most two decimals. */
    void money(@Nullable BigDecimal value, String where, boolean zeroAllowed) {
        if (value == null) {
            violations.add(new Violation(where, "is required"));
        } else if (value.signum() < 0 || (!zeroAllowed && value.signum() == 0)) {
            violations.add(new Violation(where, zeroAllowed ? "must not be negative" : "must be positive"));
        } else if (value.stripTrailingZeros().scale() > 2) {
            violations.add(new Violation(where, "has more than two decimals"));
        } else if (value.compareTo(MAX_MONEY) > 0) {
            violations.add(new Violation(where, "is too large"));
        }
    }

    void percent(@Nullable BigDecimal value, String where) {
        if (value == null) {
            violations.add(new Violation(where, "is required"));
        } else if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            violations.add(new Violation(where, "must be between 0 and 100"));
        } else if (value.stripTrailingZeros().scale() > 2) {
            violations.add(new Violation(where, "has more than two decimals"));
        }
    }

    static String upper(String value) {
        return value.strip().toUpperCase(Locale.ROOT);
    }

    boolean ok() {
        return violations.isEmpty();
    }

    void throwIfAny() {
        if (!violations.isEmpty()) {
            throw InvalidInputException.of(violations);
        }
    }

    /**
     * A value this validation read (null only with a violation), once {@link #throwIfAny()} has passed: null here
     * is a missed violation, a bug.
     */
    static <T> T checked(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("a value that failed validation was used");
        }
        return value;
    }
}
