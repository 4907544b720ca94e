package org.kalkan.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit log. {@code id} is given when it is written; {@code index} is its leaf index in the Merkle
 * tree, given by the sequencer shortly after its transaction commits (null until then).
 */
public record AuditEntry(@Nullable Long index, long id, Instant at, String actor, String action, String target,
        String outcome, String detail) {

    /** The first field of every leaf: the format of the bytes that follow. */
    public static final String LEAF_FORMAT = "kalkan-audit-v1";

    /**
     * The exact bytes the tree hashes for this entry ({@code SHA-256(0x00 || leaf)}): UTF-8 netstrings
     * ({@code <byte length>:<bytes>,}) of {@value #LEAF_FORMAT}, the id, the time ({@link Instant#toString()},
     * microseconds at most), actor, action, target, outcome and detail. No choice of contents makes two different
     * entries encode alike.
     */
    public byte[] leaf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(96 + detail.length());
        for (String field : new String[] {LEAF_FORMAT, Long.toString(id), at.toString(), actor, action, target,
                outcome, detail}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            out.write(':');
            out.writeBytes(bytes);
            out.write(',');
        }
        return out.toByteArray();
    }

    public TreeHash leafHash() {
        return TreeHash.leaf(leaf());
    }
}
