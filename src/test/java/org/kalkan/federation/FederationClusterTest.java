package org.kalkan.federation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** A test class on the shared three-node {@link FederationCluster}: every link heals after each test. */
abstract class FederationClusterTest {

    static FederationCluster cluster;

    @BeforeAll
    static void cluster() {
        cluster = FederationCluster.get();
    }

    @AfterEach
    void heal() {
        cluster.healAll();
    }
}
