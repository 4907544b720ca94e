package org.kalkan.crisis;

import java.time.Instant;
import java.util.UUID;
import org.kalkan.shared.SecurityLabel;

/**
 * Something a person has to do in a crisis: a task they (or their nation) own, or an RFI addressed to their nation
 * that it has not answered yet, with its deadline and the crisis it belongs to (named by its reference and title).
 */
public record WorkItem(Kind kind, UUID id, CrisisId crisisId, String crisisRef, String crisisTitle, String text,
        Instant due, boolean overdue, SecurityLabel label) {

    public enum Kind { TASK, RFI }
}
