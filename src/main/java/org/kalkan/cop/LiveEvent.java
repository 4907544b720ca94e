package org.kalkan.cop;

import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * One message of the live stream, e.g. {@code incident.reported}, with the label that decides who receives it.
 * {@code data} is serialised as JSON.
 */
public record LiveEvent(String type, String id, Object data, SecurityLabel label, @Nullable NationCode origin) {
}
