package org.kalkan.training;

/**
 * {@code NOMINATED} holds a seat; {@code WAITLISTED} waits for one; {@code WITHDRAWN} by its nation or the
 * coordinator; {@code NOT_SELECTED} by the coordinator's allocation of an oversubscribed session.
 */
public enum NominationStatus {
    NOMINATED, WAITLISTED, WITHDRAWN, NOT_SELECTED;

    public boolean active() {
        return this == NOMINATED || this == WAITLISTED;
    }
}
