package org.kalkan.security.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.AuditLog;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.AuditVerification;
import org.kalkan.security.Checkpoint;
import org.kalkan.shared.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log for administrators (the API chain allows only ADMIN here): verification, entries, signed checkpoints
 * and RFC 9162 inclusion and consistency proofs an outsider can check with the checkpoint alone.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApi {

    private final AuditTrail audit;
    private final AuditLog log;

    AuditApi(AuditTrail audit, AuditLog log) {
        this.audit = audit;
        this.log = log;
    }

    @GetMapping("/verify")
    AuditVerification verify() {
        return audit.verify();
    }

    @GetMapping("/entries")
    List<AuditJson.EntryJson> latest(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        return audit.latest(limit).stream().map(AuditJson.EntryJson::of).toList();
    }

    @GetMapping("/entries/{index}")
    AuditJson.EntryJson entry(@PathVariable long index) {
        return log.entry(index).map(AuditJson.EntryJson::withLeaf)
                .orElseThrow(() -> new NotFoundException("No audit entry at leaf index " + index + " (yet)."));
    }

    @GetMapping("/checkpoint")
    AuditJson.CheckpointJson checkpoint() {
        return AuditJson.CheckpointJson.of(latest());
    }

    /** The kept checkpoints with a tree size above {@code after}, smallest first. */
    @GetMapping("/checkpoints")
    List<AuditJson.CheckpointJson> checkpoints(@RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "100") int limit) {
        return log.checkpoints(after, limit).stream().map(AuditJson.CheckpointJson::of).toList();
    }

    @GetMapping("/proof/inclusion")
    AuditJson.InclusionJson inclusion(@RequestParam long index,
            @RequestParam(required = false) @Nullable Long treeSize) {
        return AuditJson.InclusionJson.of(log.inclusionProof(index, treeSize == null ? latest().treeSize() : treeSize));
    }

    @GetMapping("/proof/consistency")
    AuditJson.ConsistencyJson consistency(@RequestParam long first,
            @RequestParam(required = false) @Nullable Long second) {
        return AuditJson.ConsistencyJson.of(log.consistencyProof(first, second == null ? latest().treeSize() : second));
    }

    private Checkpoint latest() {
        return log.checkpoint().orElseThrow(() -> new NotFoundException("No checkpoint yet: nothing is sequenced."));
    }
}
