package org.kalkan.cop;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * One message of the live stream, e.g. {@code incident.reported}, with the label and the context ({@code exercise},
 * null = real world) that decide who receives it: only subscribers of the same context (ADR 0006). {@code data} is
 * serialised as JSON. With {@code unlessReadable} set, only those who may read {@code label} but not
 * {@code unlessReadable} receive it: how a record that left someone's sight is removed from their picture.
 */
public record LiveEvent(String type, String id, Object data, SecurityLabel label, @Nullable NationCode origin,
        @Nullable UUID exercise, @Nullable SecurityLabel unlessReadable) {

    public LiveEvent(String type, String id, Object data, SecurityLabel label, @Nullable NationCode origin,
            @Nullable UUID exercise) {
        this(type, id, data, label, origin, exercise, null);
    }
}
