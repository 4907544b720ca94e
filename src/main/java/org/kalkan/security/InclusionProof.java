package org.kalkan.security;

import java.util.List;

/**
 * RFC 9162 §2.1.3: the audit path that proves leaf {@code leafIndex} is in the tree of {@code treeSize} leaves,
 * listed from the leaf's sibling up to the root's child.
 */
public record InclusionProof(long leafIndex, long treeSize, List<TreeHash> auditPath) {

    public InclusionProof {
        auditPath = List.copyOf(auditPath);
    }

    /** RFC 9162 §2.1.3.2: whether this path leads from the leaf's hash to {@code root}. */
    public boolean verify(TreeHash leafHash, TreeHash root) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        TreeHash r = leafHash;
        for (TreeHash p : auditPath) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = TreeHash.interior(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = TreeHash.interior(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r.equals(root);
    }
}
