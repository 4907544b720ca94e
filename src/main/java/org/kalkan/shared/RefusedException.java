package org.kalkan.shared;

/** The act is not possible in the record's current state (a refused transition, a rule of the domain). */
public final class RefusedException extends DomainException {

    private final String messageKey;

    public RefusedException(String detail) {
        this(detail, "");
    }

    public RefusedException(String detail, String messageKey) {
        super("Not possible in this state", detail);
        this.messageKey = messageKey;
    }

    @Override
    public String messageKey() {
        return messageKey;
    }
}
