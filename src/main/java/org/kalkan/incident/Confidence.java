package org.kalkan.incident;

/** How sure the reporter is. */
public enum Confidence {
    CONFIRMED,
    PROBABLE,
    POSSIBLE,
    DOUBTFUL
}
