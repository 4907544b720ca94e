package org.kalkan.federation;

/**
 * A lane of an origin's log, with its own gapless sequence: FLASH alerts travel in their own lane, pulled apart from
 * the bulk of reports, so they overtake a backlog on a thin link.
 */
public enum Lane {
    BULK,
    FLASH
}
