package org.kalkan.cluster.internal;

import java.util.Optional;
import org.kalkan.cluster.Cluster;
import org.kalkan.cluster.Lease;
import org.springframework.stereotype.Component;

/** A single node holds the lease for good: no connection, no thread, nothing to check. */
@Component
@ConditionalOnClustered(false)
class SingleNodeLease implements Lease {

    private final Cluster cluster;

    SingleNodeLease(Cluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public boolean held() {
        return true;
    }

    @Override
    public Optional<String> holder() {
        return Optional.of(cluster.incarnation());
    }

    @Override
    public boolean runIfHeld(String task, Runnable work) {
        work.run();
        return true;
    }
}
