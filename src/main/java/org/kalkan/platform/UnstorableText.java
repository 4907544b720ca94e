package org.kalkan.platform;

/**
 * Whether a failure is the database refusing text it cannot store (a NUL character that got past the input
 * checks): the request is then answered as bad input, not as an internal error. Implemented in {@code internal},
 * which knows the database's error codes.
 */
public interface UnstorableText {

    /** True when {@code failure}, or one of its causes, is the database refusing text it cannot store. */
    boolean causedBy(Throwable failure);
}
