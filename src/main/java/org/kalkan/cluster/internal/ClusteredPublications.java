package org.kalkan.cluster.internal;

import java.time.Duration;
import org.kalkan.cluster.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmission of event publications on an instance of a cluster (ADR 0014). Spring Modulith 2.0 marks a publication
 * {@code PROCESSING} without claiming it, and its restart resubmission ({@code resubmitIncompletePublications}) takes
 * every incomplete publication, also those another live instance is processing right now: so a clustered instance
 * never resubmits incomplete publications at start ({@link ClusterEnvironment} turns it off). Instead the staleness
 * monitor (every instance; an idempotent update) marks a publication {@code FAILED} once it has been published or
 * processing for longer than any live instance takes ({@code spring.modulith.events.staleness.*}, set by
 * {@link ClusterEnvironment}), which is what is left of the publications of an instance that died; and only the
 * lease holder resubmits failed publications, each claimed by Modulith's conditional update to {@code RESUBMITTED}
 * (one row, one winner), so one publication is never handed to two instances.
 */
@Component
@ConditionalOnClustered
class ClusteredPublications {

    private static final Logger log = LoggerFactory.getLogger(ClusteredPublications.class);

    private final FailedEventPublications failed;
    private final Lease lease;
    private final ResubmissionOptions options;

    ClusteredPublications(FailedEventPublications failed, Lease lease, Environment environment) {
        this.failed = failed;
        this.lease = lease;
        this.options = ResubmissionOptions.defaults().withMinAge(
                environment.getProperty("kalkan.cluster.resubmit-min-age", Duration.class, Duration.ofSeconds(10)));
    }

    @Scheduled(fixedDelayString = "${kalkan.cluster.resubmit-interval:PT30S}",
            initialDelayString = "${kalkan.cluster.resubmit-interval:PT30S}")
    void resubmitFailed() {
        try {
            lease.runIfHeld("events.resubmit", () -> failed.resubmit(options));
        } catch (RuntimeException e) {
            // The edge of the scheduled task: what failed stays failed and is tried again at the next run.
            log.warn("resubmitting failed event publications: {}", e.toString());
        }
    }
}
