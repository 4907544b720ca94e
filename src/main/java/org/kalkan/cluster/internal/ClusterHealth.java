package org.kalkan.cluster.internal;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.jspecify.annotations.Nullable;
import org.kalkan.cluster.Cluster;
import org.kalkan.cluster.Lease;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The {@code cluster} component of {@code /actuator/health} (details for administrators): this instance's
 * incarnation, whether it holds the lease and who does, and, on an instance of a cluster, whether Kafka answers. The
 * status stays UP while Kafka is away: the instance still serves everything from the database, only other instances'
 * live changes stop reaching its screens (shown as {@code kafka: unreachable}).
 */
@Component("clusterHealthIndicator")
class ClusterHealth implements HealthIndicator, DisposableBean {

    private final Cluster cluster;
    private final Lease lease;
    private final @Nullable KafkaAdmin kafka;
    private @Nullable AdminClient admin;

    ClusterHealth(Cluster cluster, Lease lease, ObjectProvider<KafkaAdmin> kafka) {
        this.cluster = cluster;
        this.lease = lease;
        this.kafka = cluster.clustered() ? kafka.getIfAvailable() : null;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up()
                .withDetail("instance", cluster.incarnation())
                .withDetail("clustered", cluster.clustered())
                .withDetail("leaseHeld", lease.held())
                .withDetail("leaseHolder", lease.holder().orElse("none"));
        if (kafka != null) {
            health.withDetail("kafka", kafkaReachable() ? "reachable" : "unreachable");
        }
        return health.build();
    }

    private synchronized boolean kafkaReachable() {
        try {
            if (admin == null && kafka != null) {
                var config = new java.util.HashMap<>(kafka.getConfigurationProperties());
                config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
                config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
                admin = AdminClient.create(config);
            }
            AdminClient client = admin;
            return client != null && !client.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes()
                    .get(3, TimeUnit.SECONDS).equals(List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close();
        }
    }
}
