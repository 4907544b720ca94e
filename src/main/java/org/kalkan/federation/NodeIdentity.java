package org.kalkan.federation;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;

/**
 * This node as its peers know it: its id, its nation (null for the centre), its certificate and fingerprint (the
 * administrators of both sides compare it), the nations whose users it serves, its accreditation, and the port of its
 * federation endpoint.
 */
public record NodeIdentity(NodeId nodeId, @Nullable NationCode nation, String certificate, String fingerprint,
        Set<NationCode> nations, Classification maxClassification, int federationPort) {
}
