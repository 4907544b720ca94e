package org.kalkan.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** The result of re-computing the audit chain: valid, or the first entry whose hash does not hold. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(boolean valid, long entries, @Nullable Long firstBrokenSeq) {
}
