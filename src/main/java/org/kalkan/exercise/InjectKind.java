package org.kalkan.exercise;

/** What an inject delivers into the exercise context. */
public enum InjectKind {
    REPORT, ALERT, RFI, TRACK, MESSAGE
}
