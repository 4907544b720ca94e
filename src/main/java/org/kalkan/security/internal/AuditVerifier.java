package org.kalkan.security.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.AuditVerification;
import org.kalkan.security.Checkpoint;
import org.kalkan.security.NodeKeys;
import org.kalkan.security.TreeHash;
import org.kalkan.security.internal.AuditStore.StoredLeaf;
import org.kalkan.security.internal.TreeMath.CompactRange;
import org.kalkan.security.internal.TreeMath.NodeKey;
import org.springframework.stereotype.Component;

/**
 * Re-computes the whole audit log from its entries: each entry's leaf against the stored leaf hash, every complete
 * subtree against the stored one, every checkpoint's root and signature, and that no entry written before the last
 * checkpoint's watermark was left out. Reports the first leaf index that does not hold. Run it in one
 * repeatable-read transaction, so the sequencer's concurrent batches do not show half-written.
 */
@Component
public class AuditVerifier {

    private static final int PAGE = 5_000;
    private static final int NODE_CHECK = 4_096;
    /** Ranks of problems, most precise first; a stored subtree ranks by its level, between the two. */
    private static final int LEAF = 0;
    private static final int CHECKPOINT = 100;

    private final AuditStore store;
    private final NodeKeys keys;

    AuditVerifier(AuditStore store, NodeKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    public AuditVerification verify() {
        Run run = new Run();
        long entries = store.entryCount();
        Iterator<Checkpoint> checkpoints = new CheckpointPages();
        Checkpoint next = checkpoints.hasNext() ? checkpoints.next() : null;
        long verifiedSize = 0;
        long checkpointCount = 0;
        CompactRange range = new CompactRange(0, List.of());
        List<StoredLeaf> page;
        boolean gap = false;
        do {
            page = store.leaves(range.size(), PAGE);
            for (StoredLeaf leaf : page) {
                if (leaf.index() != range.size()) {
                    run.problem(LEAF, range.size(), "leaf " + range.size() + " is missing from the tree");
                    gap = true;
                    break;
                }
                TreeHash hash = leaf.hash();
                if (leaf.entry() == null) {
                    run.problem(LEAF, leaf.index(), "the entry of leaf " + leaf.index() + " is gone");
                } else if (!leaf.entry().leafHash().equals(hash)) {
                    run.problem(LEAF, leaf.index(), "entry " + leaf.index() + " does not match its leaf hash: it was "
                            + "changed after it was sequenced");
                }
                // The tree is re-computed from the stored leaf hashes, so a changed entry is named alone rather
                // than with every subtree and checkpoint above it.
                range.append(hash, run::node);
                while (next != null && next.treeSize() == range.size()) {
                    checkpointCount++;
                    if (!next.rootHash().equals(range.root())) {
                        run.problem(CHECKPOINT, verifiedSize, "entries " + verifiedSize + " to "
                                + (next.treeSize() - 1) + " are not those checkpoint " + next.treeSize() + " signed");
                    } else if (!next.publicKeyPem().equals(keys.publicKeyPem())
                            || !keys.verify(next.bodyBytes(), next.signature())) {
                        run.problem(CHECKPOINT, verifiedSize, "checkpoint " + next.treeSize()
                                + " is not signed by this node");
                    } else {
                        verifiedSize = next.treeSize();
                    }
                    next = checkpoints.hasNext() ? checkpoints.next() : null;
                }
            }
        } while (!gap && page.size() == PAGE);
        run.checkNodes();
        if (next != null) {
            run.problem(CHECKPOINT, range.size(), "checkpoint " + next.treeSize() + " covers more than the "
                    + range.size() + " leaves stored");
        }
        Optional<String> watermark = store.head().map(AuditStore.Head::watermark);
        if (watermark.isPresent()) {
            store.firstLeftOut(watermark.get()).ifPresent(id -> run.problem(CHECKPOINT, range.size(), "entry id "
                    + id + " was written before the latest checkpoint but is not in the tree"));
        }
        return new AuditVerification(run.problem == null, entries, range.size(), Math.max(0, entries - range.size()),
                checkpointCount, run.index, run.problem);
    }

    /**
     * The most precise problem found and the subtrees still to compare with the stored ones. A changed entry is the
     * most precise; then a stored subtree, the lowest first (a wrong subtree makes every one above it wrong too);
     * then a checkpoint. Among equals, the lowest leaf index.
     */
    private final class Run {

        private int rank = Integer.MAX_VALUE;
        private @Nullable Long index;
        private @Nullable String problem;
        private final List<NodeKey> nodes = new ArrayList<>();
        private final List<TreeHash> hashes = new ArrayList<>();

        void problem(int precision, long at, String what) {
            if (index == null || precision < rank || (precision == rank && at < index)) {
                rank = precision;
                index = at;
                problem = what;
            }
        }

        void node(int level, long nodeIndex, TreeHash hash) {
            nodes.add(new NodeKey(level, nodeIndex));
            hashes.add(hash);
            if (nodes.size() >= NODE_CHECK) {
                checkNodes();
            }
        }

        void checkNodes() {
            Map<NodeKey, TreeHash> stored = store.nodes(nodes);
            for (int i = 0; i < nodes.size(); i++) {
                NodeKey key = nodes.get(i);
                if (!hashes.get(i).equals(stored.get(key))) {
                    long first = key.index() << key.level();
                    problem(key.level(), first, "the stored subtree of entries " + first + " to "
                            + (first + (1L << key.level()) - 1) + " does not match them");
                }
            }
            nodes.clear();
            hashes.clear();
        }
    }

    /** Every checkpoint, smallest first, read a page at a time. */
    private final class CheckpointPages implements Iterator<Checkpoint> {

        private List<Checkpoint> page = store.checkpoints(0, 1000);
        private int position;

        @Override
        public boolean hasNext() {
            if (position == page.size() && page.size() == 1000) {
                page = store.checkpoints(page.get(page.size() - 1).treeSize(), 1000);
                position = 0;
            }
            return position < page.size();
        }

        @Override
        public Checkpoint next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return page.get(position++);
        }
    }
}
