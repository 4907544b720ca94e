package org.kalkan.security.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.kalkan.security.AuditEntry;
import org.kalkan.security.AuditLog;
import org.kalkan.security.Checkpoint;
import org.kalkan.security.ConsistencyProof;
import org.kalkan.security.InclusionProof;
import org.kalkan.security.TreeHash;
import org.kalkan.security.internal.TreeMath.NodeKey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link AuditLog} over the stored tree: proofs read only the O(log² n) complete subtrees they need, in one query. */
@Service
class MerkleAuditLog implements AuditLog {

    private final AuditStore store;
    private final AuditSequencer sequencer;

    MerkleAuditLog(AuditStore store, AuditSequencer sequencer) {
        this.store = store;
        this.sequencer = sequencer;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Checkpoint> checkpoint() {
        return store.head().map(AuditStore.Head::checkpoint);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Checkpoint> checkpoints(long afterSize, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        return store.checkpoints(afterSize, limit);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AuditEntry> entry(long index) {
        return store.entry(index);
    }

    @Override
    @Transactional(readOnly = true)
    public InclusionProof inclusionProof(long index, long treeSize) {
        long latest = latestSize();
        if (treeSize < 1 || treeSize > latest) {
            throw new IllegalArgumentException("treeSize must be between 1 and the latest checkpoint's " + latest);
        }
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("index must be between 0 and treeSize - 1 (" + (treeSize - 1) + ")");
        }
        return new InclusionProof(index, treeSize, read(nodes -> TreeMath.inclusion(index, treeSize, nodes)));
    }

    @Override
    @Transactional(readOnly = true)
    public ConsistencyProof consistencyProof(long first, long second) {
        long latest = latestSize();
        if (first < 1 || first > second || second > latest) {
            throw new IllegalArgumentException("sizes must satisfy 1 ≤ first ≤ second ≤ " + latest
                    + " (the latest checkpoint's)");
        }
        return new ConsistencyProof(first, second, read(nodes -> TreeMath.consistency(first, second, nodes)));
    }

    @Override
    public long sequence() {
        return sequencer.sequence(true);
    }

    private long latestSize() {
        return store.head().map(h -> h.checkpoint().treeSize()).orElse(0L);
    }

    /** Runs a proof computation against the subtrees it reads, fetched in one query. */
    private <T> T read(Function<TreeMath.Nodes, T> computation) {
        Set<NodeKey> keys = TreeMath.keysRead(computation);
        Map<NodeKey, TreeHash> found = store.nodes(keys);
        return computation.apply((level, index) -> {
            TreeHash hash = found.get(new NodeKey(level, index));
            if (hash == null) {
                throw new IllegalStateException("the audit tree lacks its subtree " + new NodeKey(level, index));
            }
            return hash;
        });
    }
}
