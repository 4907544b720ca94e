package org.kalkan.shared;

import java.util.List;

/**
 * The act is not possible in the record's current state (a refused transition, a rule of the domain). When several
 * rules refuse it at once (each unmet prerequisite of a nomination), {@link #errors()} names each.
 */
public final class RefusedException extends DomainException {

    private final String messageKey;
    private final List<InvalidInputException.Violation> errors;

    public RefusedException(String detail) {
        this(detail, "");
    }

    public RefusedException(String detail, String messageKey) {
        super("Not possible in this state", detail);
        this.messageKey = messageKey;
        this.errors = List.of();
    }

    /** Refused by several rules, each named ({@code where}: the rule, {@code message}: what is unmet). */
    public RefusedException(String detail, List<InvalidInputException.Violation> errors) {
        super("Not possible in this state", detail);
        this.messageKey = "";
        this.errors = List.copyOf(errors);
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
