package org.kalkan.federation.internal;

/**
 * A batch that is refused whole: a bad or missing signature, a range that does not match its seal, a batch made for
 * another node, an entry that is not well formed. Nothing of it is applied; the refusal is counted and alarmed.
 */
public class BatchRefusedException extends RuntimeException {

    public BatchRefusedException(String message) {
        super(message);
    }

    public BatchRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
