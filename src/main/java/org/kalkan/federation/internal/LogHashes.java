package org.kalkan.federation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;
import org.kalkan.federation.Lane;

/**
 * The hashes an origin signs. An entry's head is what it is about ({@code origin, lane, seq, record type, record
 * id, op}); its rest is the origin's bytes (the record with its label and a random nonce, so a hash never gives a
 * guessable rest away). Its leaf is {@code SHA-256(0x00 || SHA-256(head) || SHA-256(rest))}, and a seal signs
 * {@code SHA-256(0x01 || leaf_first || … || leaf_last)} of a contiguous range. Whoever holds a leaf, a head and the
 * rest's hash, or the whole entry, can check it against the seal; nobody can change any of them unnoticed.
 */
final class LogHashes {

    private LogHashes() {
    }

    public static byte[] head(String origin, Lane lane, long seq, String recordType, UUID recordId, Op op) {
        String text = origin + "\n" + lane.name() + "\n" + seq + "\n" + recordType + "\n" + recordId + "\n" + op.name();
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] rest(byte[] rest) {
        return sha256(rest);
    }

    public static byte[] leaf(byte[] head, byte[] restHash) {
        return sha256(new byte[] {0}, sha256(head), restHash);
    }

    public static byte[] root(List<byte[]> leaves) {
        MessageDigest digest = digest();
        digest.update((byte) 1);
        leaves.forEach(digest::update);
        return digest.digest();
    }

    static byte[] sha256(byte[]... parts) {
        MessageDigest digest = digest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
