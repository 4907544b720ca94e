package org.kalkan.security;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 §2.1.4: the hashes that prove the tree of {@code first} leaves is a prefix of the tree of {@code second}
 * leaves — that nothing the first checkpoint covered was changed, removed or reordered.
 */
public record ConsistencyProof(long first, long second, List<TreeHash> proof) {

    public ConsistencyProof {
        proof = List.copyOf(proof);
    }

    /** RFC 9162 §2.1.4.2: whether this proof links {@code firstRoot} (size first) to {@code secondRoot}. */
    public boolean verify(TreeHash firstRoot, TreeHash secondRoot) {
        if (first < 1 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && firstRoot.equals(secondRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<TreeHash> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        TreeHash fr = path.get(0);
        TreeHash sr = path.get(0);
        for (TreeHash c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = TreeHash.interior(c, fr);
                sr = TreeHash.interior(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = TreeHash.interior(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
    }
}
