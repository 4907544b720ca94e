package org.kalkan.shared;

/**
 * The record does not exist <em>or the caller may not read it</em>: the two are indistinguishable by design, so
 * the detail never names a hidden record's id or state.
 */
public final class NotFoundException extends DomainException {

    public NotFoundException(String detail) {
        super("Not found", detail);
    }

    /** {@code "There is no crisis you can see."} — the usual wording, which reveals nothing. */
    public static NotFoundException noVisible(String what) {
        return new NotFoundException("There is no " + what + " you can see.");
    }
}
