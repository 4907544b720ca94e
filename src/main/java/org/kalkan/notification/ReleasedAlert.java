package org.kalkan.notification;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * An alert as it may leave the node for a public release (a CAP feed): what was said, how urgent, under which
 * label, by which nation, when, and in which context — never who sent it or to whom.
 */
public record ReleasedAlert(AlertId id, String text, Precedence precedence, SecurityLabel label,
        NationCode originNation, Instant sentAt, @Nullable UUID exerciseId) {
}
