package org.kalkan.security;

import java.util.List;
import java.util.Optional;

/**
 * The audit trail as an RFC 9162 Merkle log: signed checkpoints, entries by leaf index, inclusion and consistency
 * proofs. Entries are written through {@link AuditTrail}; a sequencer puts them into the tree in batches, at least
 * once a second, and signs a checkpoint after each batch. Proofs may be asked for any tree size up to the latest
 * checkpoint's.
 */
public interface AuditLog {

    /** The latest signed checkpoint, if anything has been sequenced yet. */
    Optional<Checkpoint> checkpoint();

    /** Checkpoints with a tree size above {@code afterSize}, smallest first: their export. */
    List<Checkpoint> checkpoints(long afterSize, int limit);

    /** The entry at leaf {@code index}, if the tree has one. */
    Optional<AuditEntry> entry(long index);

    /** RFC 9162 §2.1.3.1 PATH(index, D[treeSize]); a bad index or size is refused (IllegalArgumentException). */
    InclusionProof inclusionProof(long index, long treeSize);

    /** RFC 9162 §2.1.4.1 PROOF(first, D[second]); sizes must satisfy 1 ≤ first ≤ second ≤ the latest size. */
    ConsistencyProof consistencyProof(long first, long second);

    /** Sequences every committed entry now (waiting for a run in progress); returns how many it added. */
    long sequence();
}
