package org.kalkan.shared;

/** The act is not possible in the record's current state (a refused transition, a rule of the domain). */
public final class RefusedException extends DomainException {

    private static final String TITLE = "Not possible in this state";

    private final String messageKey;

    public RefusedException(String detail) {
        this(detail, "");
    }

    public RefusedException(String detail, String messageKey) {
        this(TITLE, detail, messageKey);
    }

    private RefusedException(String title, String detail, String messageKey) {
        super(title, detail);
        this.messageKey = messageKey;
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
}
