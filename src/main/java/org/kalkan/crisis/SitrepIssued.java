package org.kalkan.crisis;

import org.kalkan.shared.SecurityLabel;

/** SITREP {@code number} of a crisis was issued and is now immutable. */
public record SitrepIssued(CrisisId crisisId, int number, String issuedBy, SecurityLabel label) {
}
