package org.kalkan.security.internal;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.Role;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;

/** A stored account. */
record UserAccount(String username, String displayName, NationCode nation, Classification clearance,
        Set<Role> roles, @Nullable String passwordHash, boolean enabled, String locale, @Nullable String totpSecret,
        boolean totpEnabled, @Nullable Long totpLastStep) {
}
