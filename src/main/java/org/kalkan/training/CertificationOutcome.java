package org.kalkan.training;

/** The verdict of a unit evaluation (CREVAL style): certified for the capability until a date, or not. */
public enum CertificationOutcome {
    CERTIFIED, NOT_CERTIFIED
}
