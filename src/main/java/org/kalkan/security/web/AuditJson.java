package org.kalkan.security.web;

import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.AuditEntry;
import org.kalkan.security.Checkpoint;
import org.kalkan.security.ConsistencyProof;
import org.kalkan.security.InclusionProof;
import org.kalkan.security.TreeHash;

/** The audit log's wire format: hashes, leaves and signatures in base64, times in ISO 8601 as signed. */
final class AuditJson {

    private AuditJson() {
    }

    /** {@code signedBody} is exactly the text the signature covers (UTF-8). */
    record CheckpointJson(String origin, long treeSize, String rootHash, String timestamp, String signature,
            String signatureAlgorithm, String publicKey, String signedBody) {

        static CheckpointJson of(Checkpoint c) {
            return new CheckpointJson(c.origin(), c.treeSize(), c.rootHash().base64(), c.timestamp().toString(),
                    c.signatureBase64(), Checkpoint.SIGNATURE_ALGORITHM, c.publicKeyPem(), c.body());
        }
    }

    /** An entry; {@code leaf} is the base64 of the exact bytes the tree hashes ({@code SHA-256(0x00 || leaf)}). */
    record EntryJson(@Nullable Long index, long id, String at, String actor, String action, String target,
            String outcome, String detail, @Nullable String leaf, @Nullable String leafHash) {

        static EntryJson of(AuditEntry e) {
            return new EntryJson(e.index(), e.id(), e.at().toString(), e.actor(), e.action(), e.target(), e.outcome(),
                    e.detail(), null, null);
        }

        static EntryJson withLeaf(AuditEntry e) {
            return new EntryJson(e.index(), e.id(), e.at().toString(), e.actor(), e.action(), e.target(), e.outcome(),
                    e.detail(), Base64.getEncoder().encodeToString(e.leaf()), e.leafHash().base64());
        }
    }

    record InclusionJson(long leafIndex, long treeSize, List<String> auditPath) {

        static InclusionJson of(InclusionProof p) {
            return new InclusionJson(p.leafIndex(), p.treeSize(), base64(p.auditPath()));
        }
    }

    record ConsistencyJson(long first, long second, List<String> proof) {

        static ConsistencyJson of(ConsistencyProof p) {
            return new ConsistencyJson(p.first(), p.second(), base64(p.proof()));
        }
    }

    /** Everything an outsider needs to check one entry offline: the entry, its inclusion proof, the checkpoint. */
    record ProofBundle(EntryJson entry, InclusionJson inclusion, CheckpointJson checkpoint) {
    }

    private static List<String> base64(List<TreeHash> hashes) {
        return hashes.stream().map(TreeHash::base64).toList();
    }
}
