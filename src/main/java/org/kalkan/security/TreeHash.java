package org.kalkan.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * A node of the audit log's Merkle tree: 32 bytes of SHA-256, hashed exactly as RFC 9162 §2.1.1 says — a leaf is
 * {@code SHA-256(0x00 || leaf bytes)}, an interior node {@code SHA-256(0x01 || left || right)}. Written as base64.
 */
public final class TreeHash {

    public static final int SIZE = 32;

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    });

    private final byte[] bytes;

    private TreeHash(byte[] bytes) {
        this.bytes = bytes;
    }

    public static TreeHash of(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("a tree hash has 32 bytes, not " + bytes.length);
        }
        return new TreeHash(bytes.clone());
    }

    /** The hash from its base64 form; a wrong length or alphabet is refused. */
    public static TreeHash fromBase64(String base64) {
        try {
            return of(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 SHA-256 hash: " + base64, e);
        }
    }

    /** {@code SHA-256(0x00 || leaf)}: the hash of one entry's leaf bytes. */
    public static TreeHash leaf(byte[] leaf) {
        MessageDigest digest = SHA256.get();
        digest.update((byte) 0x00);
        return new TreeHash(digest.digest(leaf));
    }

    /** {@code SHA-256(0x01 || left || right)}. */
    public static TreeHash interior(TreeHash left, TreeHash right) {
        MessageDigest digest = SHA256.get();
        digest.update((byte) 0x01);
        digest.update(left.bytes);
        return new TreeHash(digest.digest(right.bytes));
    }

    /** The root of the empty tree, {@code SHA-256()}. */
    public static TreeHash empty() {
        return new TreeHash(SHA256.get().digest(new byte[0]));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof TreeHash hash && MessageDigest.isEqual(bytes, hash.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return base64();
    }
}
