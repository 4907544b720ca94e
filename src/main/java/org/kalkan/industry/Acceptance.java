package org.kalkan.industry;

/** Whether a milestone or delivery has been accepted. */
public enum Acceptance {
    PENDING, ACCEPTED, REJECTED
}
