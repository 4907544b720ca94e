package org.kalkan.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The result of re-computing the audit log: every entry's leaf, every stored subtree and every checkpoint's root and
 * signature. {@code entries} counts every written entry, {@code treeSize} those sequenced into the tree and
 * {@code unsequenced} those still waiting for the sequencer. When something does not hold, {@code firstBrokenIndex}
 * names the first leaf index it affects and {@code problem} says what it is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(boolean valid, long entries, long treeSize, long unsequenced, long checkpoints,
        @Nullable Long firstBrokenIndex, @Nullable String problem) {
}
