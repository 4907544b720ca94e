package org.kalkan.shared;

import java.util.List;

/**
 * The act is not possible in the record's current state (a refused transition, a rule of the domain). When several
 * rules refuse it at once (each unmet prerequisite of a nomination), {@link #errors()} names each.
 */
public final class RefusedException extends DomainException {

    private static final String TITLE = "Not possible in this state";

    private final String messageKey;
    private final List<InvalidInputException.Violation> errors;

    public RefusedException(String detail) {
        this(detail, "");
    }

    public RefusedException(String detail, String messageKey) {
        this(TITLE, detail, messageKey);
    }

    private RefusedException(String title, String detail, String messageKey) {
        super(title, detail);
        this.messageKey = messageKey;
        this.errors = List.of();
    }

    /** Refused by several rules, each named ({@code where}: the rule, {@code message}: what is unmet). */
    public RefusedException(String detail, List<InvalidInputException.Violation> errors) {
        super(TITLE, detail);
        this.messageKey = "";
        this.errors = List.copyOf(errors);
    }

    /**
     * A refusal whose kind has a name of its own ({@code "Already acknowledged"}), which clients read as the problem's
     * {@code title}; {@code messageKey} names it in the message bundles for pages.
     */
    public static RefusedException titled(String title, String detail, String messageKey) {
        return new RefusedException(title, detail, messageKey);
    }

    @Override
    public String messageKey() {
        return messageKey;
    }

    /** The rules that refused the act, when there are several; empty otherwise. */
    public List<InvalidInputException.Violation> errors() {
        return errors;
    }
}
