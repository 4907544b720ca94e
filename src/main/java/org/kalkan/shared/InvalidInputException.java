package org.kalkan.shared;

import java.util.List;

/**
 * Input refused as a whole, naming every violation (a field, a row of an import, an item of a batch, a rule of a
 * standard); nothing was stored. A single bad field may also be refused with a plain
 * {@link IllegalArgumentException}, which the web layer answers the same way.
 */
public final class InvalidInputException extends DomainException {

    /**
     * One violation: {@code where} names the field, row, item index or element path ({@code "items[3].lat"},
     * {@code "row 4"}, {@code "/alert/info[1]/area/polygon"}); {@code message} says what is wrong.
     */
    public record Violation(String where, String message) {

        /** The violation an input refused with {@code refusal} names at {@code where} (its message, or its kind). */
        public static Violation of(String where, IllegalArgumentException refusal) {
            String message = refusal.getMessage();
            return new Violation(where, message != null ? message : refusal.getClass().getSimpleName());
        }
    }

    private final List<Violation> errors;

    public InvalidInputException(String detail, List<Violation> errors) {
        super("Invalid request", detail);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(List<Violation> errors) {
        return new InvalidInputException(errors.size() + " violation(s); nothing was stored", errors);
    }

    public List<Violation> errors() {
        return errors;
    }
}
