package org.kalkan.exercise;

/**
 * When an inject becomes due: at its offset from the exercise start, after another inject was delivered (its
 * offset is then the delay), or only when EXCON delivers it by hand (also how contingency injects are fired).
 */
public enum StartCondition {
    AT_TIME, AFTER_DELAY, MANUAL
}
