package org.kalkan.security.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.kalkan.security.TreeHash;

/**
 * RFC 9162 §2.1 over a tree whose complete subtrees are looked up by (level, index): node (l, i) is the hash of
 * leaves {@code [i·2^l, (i+1)·2^l)}, level 0 being the leaf hashes. Every subtree the RFC's recursions split off on
 * the left is complete, so any MTH, PATH or PROOF needs only O(log² n) lookups.
 */
final class TreeMath {

    /** A complete subtree. */
    record NodeKey(int level, long index) {
    }

    /** Where the complete subtrees' hashes come from. */
    interface Nodes {
        TreeHash get(int level, long index);
    }

    private TreeMath() {
    }

    /** MTH(D[start:start+size]). */
    static TreeHash root(long start, long size, Nodes nodes) {
        if (size <= 0) {
            return TreeHash.empty();
        }
        if (Long.bitCount(size) == 1) {
            int level = Long.numberOfTrailingZeros(size);
            return nodes.get(level, start >> level);
        }
        long k = split(size);
        return TreeHash.interior(root(start, k, nodes), root(start + k, size - k, nodes));
    }

    /** PATH(index, D[size]) of RFC 9162 §2.1.3.1, deepest first. */
    static List<TreeHash> inclusion(long index, long size, Nodes nodes) {
        List<TreeHash> path = new ArrayList<>();
        path(index, 0, size, nodes, path);
        return path;
    }

    private static void path(long m, long start, long n, Nodes nodes, List<TreeHash> path) {
        if (n <= 1) {
            return;
        }
        long k = split(n);
        if (m < k) {
            path(m, start, k, nodes, path);
            path.add(root(start + k, n - k, nodes));
        } else {
            path(m - k, start + k, n - k, nodes, path);
            path.add(root(start, k, nodes));
        }
    }

    /** PROOF(first, D[second]) of RFC 9162 §2.1.4.1. */
    static List<TreeHash> consistency(long first, long second, Nodes nodes) {
        List<TreeHash> proof = new ArrayList<>();
        subproof(first, 0, second, true, nodes, proof);
        return proof;
    }

    private static void subproof(long m, long start, long n, boolean whole, Nodes nodes, List<TreeHash> proof) {
        if (m == n) {
            if (!whole) {
                proof.add(root(start, n, nodes));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(m, start, k, whole, nodes, proof);
            proof.add(root(start + k, n - k, nodes));
        } else {
            subproof(m - k, start + k, n - k, false, nodes, proof);
            proof.add(root(start, k, nodes));
        }
    }

    /** The complete subtrees that make up a tree of {@code size} leaves, largest (leftmost) first. */
    static List<NodeKey> compactRange(long size) {
        List<NodeKey> keys = new ArrayList<>();
        long start = 0;
        for (int level = 63 - Long.numberOfLeadingZeros(Math.max(size, 1)); level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                keys.add(new NodeKey(level, start >> level));
                start += 1L << level;
            }
        }
        return keys;
    }

    /**
     * The subtrees a computation reads, found by running it once against placeholder hashes: the recursions'
     * shapes depend on sizes only, never on hash values, so the real run reads exactly these.
     */
    static Set<NodeKey> keysRead(Function<Nodes, ?> computation) {
        Set<NodeKey> keys = new LinkedHashSet<>();
        TreeHash placeholder = TreeHash.empty();
        computation.apply((level, index) -> {
            keys.add(new NodeKey(level, index));
            return placeholder;
        });
        return keys;
    }

    /** The largest power of two smaller than n (n ≥ 2). */
    private static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * The right edge of a growing tree: its complete subtrees, left to right, of strictly decreasing size. Appending
     * a leaf merges equal neighbours; every merge is a new complete subtree, handed to {@code created}.
     */
    static final class CompactRange {

        interface Created {
            void node(int level, long index, TreeHash hash);
        }

        private final List<TreeHash> hashes = new ArrayList<>();
        private final List<Integer> levels = new ArrayList<>();
        private long size;

        CompactRange(long size, List<TreeHash> subtrees) {
            List<NodeKey> keys = compactRange(size);
            if (size > 0 && keys.size() != subtrees.size()) {
                throw new IllegalArgumentException("a tree of " + size + " leaves has " + keys.size() + " subtrees");
            }
            for (int i = 0; size > 0 && i < keys.size(); i++) {
                hashes.add(subtrees.get(i));
                levels.add(keys.get(i).level());
            }
            this.size = size;
        }

        long size() {
            return size;
        }

        void append(TreeHash leaf, Created created) {
            hashes.add(leaf);
            levels.add(0);
            size++;
            int last = levels.size() - 1;
            while (last > 0 && levels.get(last).equals(levels.get(last - 1))) {
                TreeHash merged = TreeHash.interior(hashes.get(last - 1), hashes.get(last));
                int level = levels.get(last) + 1;
                hashes.remove(last);
                levels.remove(last);
                hashes.set(last - 1, merged);
                levels.set(last - 1, level);
                created.node(level, (size >> level) - 1, merged);
                last--;
            }
        }

        /** MTH of the whole tree: the subtrees folded from the right. */
        TreeHash root() {
            if (hashes.isEmpty()) {
                return TreeHash.empty();
            }
            TreeHash root = hashes.get(hashes.size() - 1);
            for (int i = hashes.size() - 2; i >= 0; i--) {
                root = TreeHash.interior(hashes.get(i), root);
            }
            return root;
        }
    }
}
