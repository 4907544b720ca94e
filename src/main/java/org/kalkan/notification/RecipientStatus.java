package org.kalkan.notification;

/** Where one recipient stands: waiting, acknowledged in time, or escalated after the deadline passed. */
public enum RecipientStatus {
    PENDING,
    ACKNOWLEDGED,
    ESCALATED
}
