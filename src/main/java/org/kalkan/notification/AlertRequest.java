package org.kalkan.notification;

import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/**
 * An alert to raise. {@code ackWithin} overrides the precedence's default deadline; {@code crisisId} links it to
 * a crisis (carried on every event, so the crisis log can record escalations); {@code exerciseId} marks it as
 * belonging to an exercise (null = real world).
 */
public record AlertRequest(String text, Recipients recipients, Precedence precedence, @Nullable Duration ackWithin,
        SecurityLabel label, @Nullable UUID crisisId, @Nullable UUID exerciseId) {

    public static AlertRequest of(String text, Recipients recipients, Precedence precedence, SecurityLabel label) {
        return new AlertRequest(text, recipients, precedence, null, label, null, null);
    }
}
