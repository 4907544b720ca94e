package org.kalkan.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An outside verifier of RFC 9162 Merkle trees, written for the tests from the RFC's text alone and sharing no code
 * with the node: its own hashing (§2.1.1), tree head (§2.1.1), inclusion verification (§2.1.3.2) and consistency
 * verification (§2.1.4.2) over plain byte arrays. {@link Rfc9162Tests} checks it against the Certificate
 * Transparency reference vectors before anything else trusts it.
 */
public final class Rfc9162 {

    private Rfc9162() {
    }

    public static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    public static byte[] leafHash(byte[] leaf) {
        return sha256(new byte[] {0}, leaf);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        return sha256(new byte[] {1}, left, right);
    }

    /** MTH(D[n]) over the leaf hashes, straight from the definition. */
    public static byte[] treeHead(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return leafHashes.get(0);
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return nodeHash(treeHead(leafHashes.subList(0, k)), treeHead(leafHashes.subList(k, n)));
    }

    /** §2.1.3.2, step by step. */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path,
            byte[] root) {
        if (leafIndex >= treeSize || leafIndex < 0) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if (lsb(fn) || fn == sn) {
                r = nodeHash(p, r);
                if (!lsb(fn)) {
                    do {
                        fn >>= 1;
                        sn >>= 1;
                    } while (!lsb(fn) && fn != 0);
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** §2.1.4.2, step by step; equal sizes are consistent exactly when the roots are equal and the proof empty. */
    public static boolean verifyConsistency(long first, long second, List<byte[]> proof, byte[] firstHash,
            byte[] secondHash) {
        if (first <= 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstHash, secondHash);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if ((first & (first - 1)) == 0) {
            path.add(0, firstHash);
        }
        long fn = first - 1;
        long sn = second - 1;
        while (lsb(fn)) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (int i = 1; i < path.size(); i++) {
            byte[] c = path.get(i);
            if (sn == 0) {
                return false;
            }
            if (lsb(fn) || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if (!lsb(fn)) {
                    do {
                        fn >>= 1;
                        sn >>= 1;
                    } while (!lsb(fn) && fn != 0);
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstHash) && Arrays.equals(sr, secondHash);
    }

    private static boolean lsb(long value) {
        return (value & 1) == 1;
    }
}
