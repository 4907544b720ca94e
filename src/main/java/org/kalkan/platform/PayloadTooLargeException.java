package org.kalkan.platform;

/** A request body exceeded {@code kalkan.platform.max-body-bytes}; answered with 413 and nothing stored. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long limit) {
        super("The request body exceeds the limit of " + limit + " bytes.");
    }
}
