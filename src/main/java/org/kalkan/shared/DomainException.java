package org.kalkan.shared;

/**
 * A refusal by domain code: what was asked cannot be done, and nothing was changed. Domain code throws one of the
 * few kinds below and never an HTTP type; the web layer maps each kind to an RFC 9457 problem in one place
 * ({@code platform.web.ProblemDetailsAdvice}), and pages show {@link #getMessage()} in the user's language where a
 * {@link #messageKey()} is given.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, RefusedException, VersionConflictException, ForbiddenException,
        InvalidInputException {

    private final String title;

    protected DomainException(String title, String detail) {
        super(detail);
        this.title = title;
    }

    /** A short, stable summary of the kind of refusal (the problem's {@code title}). */
    public String title() {
        return title;
    }

    /** The human-readable reason (the problem's {@code detail}). */
    public String detail() {
        return String.valueOf(getMessage());
    }

    /** A message-bundle key for the reason, when pages should show it translated; empty otherwise. */
    public String messageKey() {
        return "";
    }
}
