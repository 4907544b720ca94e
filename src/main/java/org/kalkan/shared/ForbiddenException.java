package org.kalkan.shared;

/**
 * The caller's role (or nation, for origin authority) does not allow the act on a record they can read. A record
 * they cannot read is a {@link NotFoundException} instead, so existence is never revealed.
 */
public final class ForbiddenException extends DomainException {

    public ForbiddenException(String detail) {
        super("Forbidden", detail);
    }
}
