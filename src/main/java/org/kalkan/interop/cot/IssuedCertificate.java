package org.kalkan.interop.cot;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One certificate the node's CA issued, without its PEM. Public so that the admin page's template can read it. */
public record IssuedCertificate(String serial, String username, String subjectDn, Instant issuedAt, Instant notAfter,
        @Nullable Instant revokedAt, @Nullable String revokedBy) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
