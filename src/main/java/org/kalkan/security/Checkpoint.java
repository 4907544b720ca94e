package org.kalkan.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A signed statement of the audit log's state: its size and root hash at a time, signed with the node's key
 * ({@link NodeKeys}). The signed bytes are the UTF-8 text of {@link #body()}, a C2SP checkpoint body with the time as
 * an extra line: {@code "<origin>\n<treeSize>\n<base64 rootHash>\n<timestamp, ISO 8601>\n"}; the signature is
 * {@code SHA256withECDSA} (DER) over them, verifiable with {@code publicKeyPem}. A peer that keeps one checkpoint can
 * later ask for a consistency proof to any larger one and so detect a rewritten history.
 */
public record Checkpoint(String origin, long treeSize, TreeHash rootHash, Instant timestamp, byte[] signature,
        String publicKeyPem) {

    public static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    public Checkpoint {
        if (treeSize < 0) {
            throw new IllegalArgumentException("treeSize must not be negative");
        }
        if (origin.isBlank() || origin.contains("\n")) {
            throw new IllegalArgumentException("origin must be one non-empty line");
        }
        signature = signature.clone();
    }

    /** The exact text that is signed. */
    public String body() {
        return body(origin, treeSize, rootHash, timestamp);
    }

    public static String body(String origin, long treeSize, TreeHash rootHash, Instant timestamp) {
        return origin + "\n" + treeSize + "\n" + rootHash.base64() + "\n" + timestamp + "\n";
    }

    public byte[] bodyBytes() {
        return body().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public String signatureBase64() {
        return Base64.getEncoder().encodeToString(signature);
    }
}
