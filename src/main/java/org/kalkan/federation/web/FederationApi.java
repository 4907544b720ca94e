package org.kalkan.federation.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kalkan.federation.Federation;
import org.kalkan.federation.ImportResult;
import org.kalkan.federation.NewPeer;
import org.kalkan.federation.NodeId;
import org.kalkan.federation.NodeIdentity;
import org.kalkan.federation.PeerStatus;
import org.kalkan.federation.QuarantinedEntry;
import org.kalkan.federation.WitnessedAudit;
import org.kalkan.security.CurrentSubject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.InvalidInputException;
import org.kalkan.shared.InvalidInputException.Violation;
import org.kalkan.shared.NationCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The administrators' federation API: this node, its peers and their links, quarantine, air-gapped files. */
@RestController
@RequestMapping("/api/v1/federation")
class FederationApi {

    private static final String BATCH_TYPE = "application/vnd.kalkan.federation-batch";

    private final Federation federation;
    private final CurrentSubject subject;

    FederationApi(Federation federation, CurrentSubject subject) {
        this.federation = federation;
        this.subject = subject;
    }

    record Node(String nodeId, @Nullable String nation, String certificate, String fingerprint, List<String> nations,
            String maxClassification, int federationPort) {

        static Node of(NodeIdentity n) {
            return new Node(n.nodeId().value(), n.nation() == null ? null : n.nation().value(), n.certificate(),
                    n.fingerprint(), n.nations().stream().map(NationCode::value).sorted().toList(),
                    n.maxClassification().name(), n.federationPort());
        }
    }

    record PeerJson(String nodeId, List<String> nations, String maxClassification, @Nullable String url,
            String certificate, String fingerprint, @Nullable Instant lastContact, long behindEntries,
            long secondsBehind, long peerBehindEntries, long quarantined, long bytesIn, long bytesOut, long entriesIn,
            long entriesOut, @Nullable String lastError, @Nullable Instant lastErrorAt, Instant createdAt,
            Instant updatedAt) {

        static PeerJson of(PeerStatus s) {
            var p = s.peer();
            return new PeerJson(p.nodeId().value(), p.nations().stream().map(NationCode::value).sorted().toList(),
                    p.maxClassification().name(), p.url(), p.certificate(), p.fingerprint(), s.lastContact(),
                    s.behindEntries(), s.secondsBehind(), s.peerBehindEntries(), s.quarantined(), s.bytesIn(),
                    s.bytesOut(), s.entriesIn(), s.entriesOut(), s.lastError(), s.lastErrorAt(), p.createdAt(),
                    p.updatedAt());
        }
    }

    /** A peer's audit checkpoint as this node witnessed it (tree size, base64 root hash, times, inconsistency). */
    record WitnessJson(String peer, long treeSize, String rootHash, Instant checkpointAt, Instant checkedAt,
            boolean consistent, @Nullable Instant inconsistentAt, @Nullable String inconsistency) {

        static WitnessJson of(WitnessedAudit w) {
            return new WitnessJson(w.peer().value(), w.treeSize(), w.rootHash(), w.checkpointAt(), w.checkedAt(),
                    w.consistent(), w.inconsistentAt(), w.inconsistency());
        }
    }

    record PeerRequest(@Nullable String nodeId, @Nullable List<String> nations, @Nullable String maxClassification,
            @Nullable String url, @Nullable String certificate) {

        NewPeer toNewPeer(@Nullable String pathId) {
            List<Violation> errors = new java.util.ArrayList<>();
            String id = pathId != null ? pathId : nodeId;
            NodeId node = null;
            try {
                node = NodeId.of(id == null ? "" : id.strip());
            } catch (IllegalArgumentException e) {
                errors.add(Violation.of("nodeId", e));
            }
            if (pathId != null && nodeId != null && !nodeId.equals(pathId)) {
                errors.add(new Violation("nodeId", "differs from the peer in the path"));
            }
            Set<NationCode> codes = Set.of();
            if (nations == null || nations.isEmpty()) {
                errors.add(new Violation("nations", "name at least one nation whose users the peer serves"));
            } else {
                try {
                    codes = nations.stream().map(n -> NationCode.of(n == null ? "" : n.strip()))
                            .collect(Collectors.toSet());
                } catch (IllegalArgumentException e) {
                    errors.add(Violation.of("nations", e));
                }
            }
            Classification max = maxClassification == null ? null
                    : Classification.parse(maxClassification).orElse(null);
            if (max == null) {
                errors.add(new Violation("maxClassification", "one of UNCLASSIFIED, RESTRICTED, CONFIDENTIAL, SECRET"));
            }
            if (certificate == null || certificate.isBlank()) {
                errors.add(new Violation("certificate", "the peer's PEM certificate is required"));
            }
            if (!errors.isEmpty() || node == null || max == null || certificate == null) {
                throw InvalidInputException.of(errors);
            }
            return new NewPeer(node, codes, max, url == null || url.isBlank() ? null : url.strip(), certificate);
        }
    }

    record Imported(String from, String kind, long entries, long applied, long quarantined, String cursor,
            @Nullable String acknowledgement) {
    }

    @GetMapping("/node")
    Node node() {
        return Node.of(federation.node(subject.get()));
    }

    @GetMapping("/peers")
    List<PeerJson> peers() {
        return federation.peers(subject.get()).stream().map(PeerJson::of).toList();
    }

    @GetMapping("/peers/{id}")
    PeerJson peer(@PathVariable String id) {
        return PeerJson.of(federation.peer(subject.get(), nodeId(id)));
    }

    @PostMapping("/peers")
    ResponseEntity<PeerJson> register(@RequestBody PeerRequest request) {
        PeerStatus registered = federation.register(subject.get(), request.toNewPeer(null));
        return ResponseEntity.created(URI.create("/api/v1/federation/peers/" + registered.peer().nodeId()))
                .body(PeerJson.of(registered));
    }

    @PutMapping("/peers/{id}")
    PeerJson change(@PathVariable String id, @RequestBody PeerRequest request) {
        return PeerJson.of(federation.change(subject.get(), request.toNewPeer(nodeId(id).value())));
    }

    @DeleteMapping("/peers/{id}")
    ResponseEntity<Void> remove(@PathVariable String id) {
        federation.remove(subject.get(), nodeId(id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/quarantine")
    List<QuarantinedEntry> quarantine(@RequestParam(defaultValue = "100") int limit) {
        return federation.quarantine(subject.get(), limit);
    }

    @GetMapping("/witness")
    List<WitnessJson> witnessed() {
        return federation.witnessedAudits(subject.get()).stream().map(WitnessJson::of).toList();
    }

    @GetMapping("/provenance/{recordId}")
    Federation.Provenance provenance(@PathVariable UUID recordId) {
        return federation.provenance(subject.get(), recordId);
    }

    /** The signed batch of what the peer has not acknowledged, as a file. */
    @GetMapping("/peers/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam(defaultValue = "10000") int limit) {
        NodeId peer = nodeId(id);
        byte[] file = federation.export(subject.get(), peer, limit);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(BATCH_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kalkan-" + peer + ".kfb\"")
                .body(file);
    }

    /** A batch file (answered with the acknowledgement to carry back, base64) or an acknowledgement file. */
    @PostMapping(path = "/import", consumes = {BATCH_TYPE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    Imported importFile(@RequestBody byte[] file) {
        ImportResult result = federation.importFile(subject.get(), file);
        return new Imported(result.from().value(), result.kind().name(), result.entries(), result.applied(),
                result.quarantined(), result.cursor(), result.acknowledgement() == null ? null
                        : java.util.Base64.getEncoder().encodeToString(result.acknowledgement()));
    }

    private static NodeId nodeId(String id) {
        try {
            return NodeId.of(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("id: " + e.getMessage());
        }
    }
}
