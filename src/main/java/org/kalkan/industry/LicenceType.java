package org.kalkan.industry;

/**
 * An export licence's type: INDIVIDUAL (named end users, one programme's shipments), GLOBAL (named end users, many
 * shipments) or GENERAL (published for every end user in its destinations).
 */
public enum LicenceType {
    INDIVIDUAL, GLOBAL, GENERAL
}
