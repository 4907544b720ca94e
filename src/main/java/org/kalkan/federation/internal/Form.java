package org.kalkan.federation.internal;

/**
 * How much of an entry a holder has or sends: everything; only what it is about (a retraction for whoever held the
 * record); or only its hash, which keeps the origin's signed range verifiable for those who may not see it.
 */
public enum Form {
    FULL,
    REDACTED,
    HASH
}
