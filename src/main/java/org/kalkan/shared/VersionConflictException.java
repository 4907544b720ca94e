package org.kalkan.shared;

/** The caller edited an older version of the record than the current one; nothing was changed. */
public final class VersionConflictException extends DomainException {

    public VersionConflictException(String detail) {
        super("Conflict with the current version", detail);
    }
}
