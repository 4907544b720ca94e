package org.kalkan.federation.internal;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kalkan.federation.FederationProperties;
import org.kalkan.federation.Peer;
import org.kalkan.members.MemberStates;
import org.kalkan.members.Nation;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Component;

/**
 * Who may receive a record, decided by the one access policy: a node (a peer, or this node itself) may hold a record
 * when its classification is within the node's accreditation and at least one of the nations whose users the node
 * serves may read it — each nation asked as a subject cleared to the node's accreditation. Real-world records only.
 */
@Component
public class Releasability {

    private final AccessPolicy policy;
    private final MemberStates members;
    private final FederationProperties properties;

    Releasability(AccessPolicy policy, MemberStates members, FederationProperties properties) {
        this.policy = policy;
        this.members = members;
        this.properties = properties;
    }

    /** Whether the record may be sent to the peer, under its registration as it is now. */
    public boolean toPeer(Peer peer, @Nullable SecurityLabel label, @Nullable NationCode originNation) {
        return mayHold("peer:" + peer.nodeId(), peer.nations(), peer.maxClassification(), label, originNation);
    }

    /**
     * Why this node may not store the record, or null when one of its own nations may read it within its
     * accreditation. The reason names the label and what this node serves, so that an alarm can be acted upon.
     */
    public @Nullable String whyNotHere(@Nullable SecurityLabel label, @Nullable NationCode originNation) {
        Set<NationCode> nations = ownNations();
        Classification accreditation = properties.maxClassification();
        if (mayHold("node:" + properties.nodeId(), nations, accreditation, label, originNation)) {
            return null;
        }
        return "none of this node's nations may read it within its accreditation: "
                + (label == null ? "no label" : label.marking()) + " from " + originNation + ", this node serves "
                + nations + " up to " + accreditation;
    }

    /** The nations whose users this node serves: its own nation, or every nation for the centre. */
    public Set<NationCode> ownNations() {
        if (!properties.nation().isBlank()) {
            return Set.of(NationCode.of(properties.nation()));
        }
        return members.nations().stream().map(Nation::code).collect(Collectors.toCollection(TreeSet::new));
    }

    private boolean mayHold(String who, Set<NationCode> nations, Classification accreditation,
            @Nullable SecurityLabel label, @Nullable NationCode originNation) {
        if (label == null || !accreditation.dominates(label.classification())) {
            return false;
        }
        for (NationCode nation : nations) {
            Subject subject = new Subject(who + "/" + nation, nation, accreditation, Set.of());
            if (policy.canRead(subject, label, originNation)) {
                return true;
            }
        }
        return false;
    }
}
