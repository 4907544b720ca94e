package org.kalkan.federation;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.federation.internal.AirGap;
import org.kalkan.federation.internal.AuditWitness;
import org.kalkan.federation.internal.BatchRefusedException;
import org.kalkan.federation.internal.Certificates;
import org.kalkan.federation.internal.Endpoint;
import org.kalkan.federation.internal.FederationMetrics;
import org.kalkan.federation.internal.ChangeLogStore;
import org.kalkan.federation.internal.PeerStore;
import org.kalkan.federation.internal.Releasability;
import org.kalkan.members.MemberStates;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.NodeKeys;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.InvalidInputException;
import org.kalkan.shared.InvalidInputException.Violation;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.RefusedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' side of federation: this node's identity, the peers (every change audited, with the
 * certificate's fingerprint), the links' state, the quarantine, and the air-gapped exchange of signed batches.
 */
@Service
public class Federation {

    private final NodeKeys keys;
    private final FederationProperties properties;
    private final PeerStore peers;
    private final ChangeLogStore log;
    private final Releasability releasability;
    private final AirGap airGap;
    private final AuditWitness witness;
    private final Endpoint endpoint;
    private final MemberStates members;
    private final FederationMetrics metrics;
    private final AuditTrail audit;
    private final Clock clock;

    Federation(NodeKeys keys, FederationProperties properties, PeerStore peers, ChangeLogStore log,
            Releasability releasability, AirGap airGap, AuditWitness witness, Endpoint endpoint, MemberStates members,
            FederationMetrics metrics, AuditTrail audit, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.peers = peers;
        this.log = log;
        this.releasability = releasability;
        this.airGap = airGap;
        this.witness = witness;
        this.endpoint = endpoint;
        this.members = members;
        this.metrics = metrics;
        this.audit = audit;
        this.clock = clock;
    }

    public NodeIdentity node(Subject subject) {
        requireAdmin(subject, "see the node's identity");
        return new NodeIdentity(NodeId.of(properties.nodeId()),
                properties.nation().isBlank() ? null : NationCode.of(properties.nation()), keys.certificatePem(),
                keys.fingerprint(), releasability.ownNations(), properties.maxClassification(), endpoint.port());
    }

    @Transactional(readOnly = true)
    public List<PeerStatus> peers(Subject subject) {
        requireAdmin(subject, "see the federation peers");
        List<PeerStatus> statuses = peers.statuses(clock.instant());
        metrics.update(statuses);
        return statuses;
    }

    @Transactional(readOnly = true)
    public PeerStatus peer(Subject subject, NodeId id) {
        requireAdmin(subject, "see the federation peers");
        return peers.status(id.value(), clock.instant()).orElseThrow(() -> NotFoundException.noVisible("peer"));
    }

    /** Registers a peer (409 when the id or the certificate is registered already). */
    @Transactional
    public PeerStatus register(Subject subject, NewPeer peer) {
        requireAdmin(subject, "register federation peers");
        String fingerprint = validate(peer);
        if (peers.find(peer.nodeId().value()).isPresent()) {
            throw new RefusedException("A peer " + peer.nodeId() + " is registered already; change it instead.");
        }
        if (peers.fingerprintTaken(fingerprint, peer.nodeId())) {
            throw new RefusedException("That certificate is registered for another peer.");
        }
        Instant now = clock.instant();
        peers.insert(peer, fingerprint, now);
        audit.record(subject.username(), "FEDERATION_PEER_REGISTERED", "peer:" + peer.nodeId(), describe(peer,
                fingerprint));
        return peers.status(peer.nodeId().value(), now).orElseThrow();
    }

    /** Changes a peer's nations, accreditation, URL or certificate. */
    @Transactional
    public PeerStatus change(Subject subject, NewPeer peer) {
        requireAdmin(subject, "change federation peers");
        String fingerprint = validate(peer);
        Peer before = peers.find(peer.nodeId().value()).orElseThrow(() -> NotFoundException.noVisible("peer"));
        if (peers.fingerprintTaken(fingerprint, peer.nodeId())) {
            throw new RefusedException("That certificate is registered for another peer.");
        }
        Instant now = clock.instant();
        peers.update(peer, fingerprint, now);
        audit.record(subject.username(), "FEDERATION_PEER_CHANGED", "peer:" + peer.nodeId(),
                describe(new NewPeer(before.nodeId(), before.nations(), before.maxClassification(), before.url(),
                        before.certificate()), before.fingerprint()) + " → " + describe(peer, fingerprint));
        return peers.status(peer.nodeId().value(), now).orElseThrow();
    }

    @Transactional
    public void remove(Subject subject, NodeId id) {
        requireAdmin(subject, "remove federation peers");
        Peer peer = peers.find(id.value()).orElseThrow(() -> NotFoundException.noVisible("peer"));
        peers.delete(id);
        audit.record(subject.username(), "FEDERATION_PEER_REMOVED", "peer:" + id, peer.fingerprint());
    }

    @Transactional(readOnly = true)
    public List<QuarantinedEntry> quarantine(Subject subject, int limit) {
        requireAdmin(subject, "see the federation quarantine");
        return log.quarantined(Math.max(1, Math.min(limit, 1000)));
    }

    /** The peers' audit checkpoints this node witnesses, and whether each peer's log stayed consistent. */
    @Transactional(readOnly = true)
    public List<WitnessedAudit> witnessedAudits(Subject subject) {
        requireAdmin(subject, "see the witnessed audit checkpoints");
        return witness.witnessed();
    }

    /** Where a record held here came from: its origin, its place in the origin's log and the path it took. */
    @Transactional(readOnly = true)
    public Provenance provenance(Subject subject, UUID recordId) {
        requireAdmin(subject, "see where records came from");
        return log.provenance(recordId).map(p -> new Provenance(p.origin(), p.lane(), p.seq(), p.via(),
                p.receivedFrom(), p.receivedAt(), p.receivedFrom() != null))
                .orElseThrow(() -> NotFoundException.noVisible("federated record"));
    }

    /** Where a record came from; {@code verified}: its origin's seal was verified here (a received record). */
    public record Provenance(String origin, Lane lane, long seq, List<String> via, @Nullable String receivedFrom,
            @Nullable Instant receivedAt, boolean verified) {
    }

    /** The signed file of what the peer has not acknowledged yet (air-gapped exchange). */
    public byte[] export(Subject subject, NodeId id, int limit) {
        requireAdmin(subject, "export federation batches");
        Peer peer = peers.find(id.value()).orElseThrow(() -> NotFoundException.noVisible("peer"));
        return airGap.export(subject.username(), peer, Math.max(1, Math.min(limit, 100_000)));
    }

    /** Applies an uploaded batch or acknowledgement; a refused file is 400 and nothing of it is applied. */
    public ImportResult importFile(Subject subject, byte[] file) {
        requireAdmin(subject, "import federation batches");
        try {
            return airGap.importFile(subject.username(), file);
        } catch (BatchRefusedException e) {
            throw new InvalidInputException("The file was refused whole; nothing of it was applied.",
                    List.of(new Violation("file", String.valueOf(e.getMessage()))));
        }
    }

    private String validate(NewPeer peer) {
        List<Violation> errors = new ArrayList<>();
        if (peer.nodeId().value().equals(properties.nodeId())) {
            errors.add(new Violation("nodeId", "is this node's own id"));
        }
        if (peer.nations().isEmpty()) {
            errors.add(new Violation("nations", "name at least one nation whose users the peer serves"));
        }
        peer.nations().stream().filter(n -> !members.isKnownNation(n.value()))
                .forEach(n -> errors.add(new Violation("nations", "unknown nation " + n)));
        if (peer.url() != null && !peer.url().isBlank()) {
            urlProblem(peer.url()).ifPresent(p -> errors.add(new Violation("url", p)));
        }
        String fingerprint = null;
        try {
            X509Certificate certificate = Certificates.parse(peer.certificate());
            fingerprint = Certificates.fingerprint(certificate);
            if (fingerprint.equals(keys.fingerprint())) {
                errors.add(new Violation("certificate", "is this node's own certificate"));
            }
        } catch (IllegalArgumentException e) {
            errors.add(Violation.of("certificate", e));
        }
        if (!errors.isEmpty() || fingerprint == null) {
            throw InvalidInputException.of(errors);
        }
        return fingerprint;
    }

    private static java.util.Optional<String> urlProblem(String url) {
        try {
            URI uri = new URI(url);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() <= 0
                    || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))
                    || uri.getQuery() != null || uri.getUserInfo() != null) {
                return java.util.Optional.of("must be https://host:port (the peer's federation port)");
            }
            return java.util.Optional.empty();
        } catch (URISyntaxException e) {
            return java.util.Optional.of("is not a URL: " + e.getMessage());
        }
    }

    private static String describe(NewPeer peer, String fingerprint) {
        return "nations " + peer.nations().stream().map(NationCode::value).sorted().toList() + ", up to "
                + peer.maxClassification() + ", url " + (peer.url() == null ? "none" : peer.url()) + ", certificate "
                + fingerprint;
    }

    private void requireAdmin(Subject subject, String what) {
        if (!subject.has(Role.ADMIN)) {
            audit.recordDenial(subject.username(), "FEDERATION", what, "requires ADMIN");
            throw new ForbiddenException("Only administrators may " + what + ".");
        }
    }
}
