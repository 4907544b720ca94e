package org.kalkan.security.web;

import java.util.Optional;
import org.kalkan.security.AuditEntry;
import org.kalkan.security.AuditLog;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Checkpoint;
import org.kalkan.security.NodeKeys;
import org.kalkan.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The audit page for administrators: the latest signed checkpoint, the log's verification, the newest entries, and
 * a download of any sequenced entry with its inclusion proof and the checkpoint it leads to.
 */
@Controller
class AuditController {

    private final AuditTrail audit;
    private final AuditLog log;
    private final NodeKeys keys;

    AuditController(AuditTrail audit, AuditLog log, NodeKeys keys) {
        this.audit = audit;
        this.log = log;
        this.keys = keys;
    }

    @GetMapping("/admin/audit")
    String audit(Model model) {
        Optional<Checkpoint> checkpoint = log.checkpoint();
        model.addAttribute("verification", audit.verify());
        model.addAttribute("entries", audit.latest(200));
        model.addAttribute("checkpoint", checkpoint.orElse(null));
        model.addAttribute("signatureValid", checkpoint.map(c -> keys.verify(c.bodyBytes(), c.signature()))
                .orElse(false));
        model.addAttribute("fingerprint", keys.fingerprint());
        return "audit";
    }

    /** The entry, its inclusion proof in the latest tree and that tree's checkpoint, as one JSON file. */
    @GetMapping("/admin/audit/proof")
    @ResponseBody
    ResponseEntity<AuditJson.ProofBundle> proof(@RequestParam long index) {
        Checkpoint checkpoint = log.checkpoint().filter(c -> index >= 0 && index < c.treeSize())
                .orElseThrow(() -> new NotFoundException("No sequenced audit entry at index " + index + "."));
        AuditEntry entry = log.entry(index)
                .orElseThrow(() -> new NotFoundException("No sequenced audit entry at index " + index + "."));
        var bundle = new AuditJson.ProofBundle(AuditJson.EntryJson.withLeaf(entry),
                AuditJson.InclusionJson.of(log.inclusionProof(index, checkpoint.treeSize())),
                AuditJson.CheckpointJson.of(checkpoint));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("audit-proof-" + index + ".json").build().toString())
                .body(bundle);
    }
}
