package org.kalkan.platform;

import org.jspecify.annotations.Nullable;

/**
 * A link in the shell's navigation, contributed by a module as a bean. {@code messageKey} names the label in
 * the message bundles; {@code authority} (e.g. {@code ROLE_ADMIN}) hides it from users without it.
 */
public record NavigationEntry(String messageKey, String path, int order, @Nullable String authority) {
}
