package org.kalkan.federation;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;

/** A peer as an administrator registers or changes it; the certificate is PEM, exchanged out of band. */
public record NewPeer(NodeId nodeId, Set<NationCode> nations, Classification maxClassification, @Nullable String url,
        String certificate) {

    public NewPeer {
        nations = Set.copyOf(nations);
    }
}
