package org.kalkan.security;

import java.time.Instant;

/** One link of the audit chain. */
public record AuditEntry(long seq, Instant at, String actor, String action, String target, String outcome,
        String detail, String previousHash, String hash) {
}
