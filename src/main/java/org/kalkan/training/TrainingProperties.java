package org.kalkan.training;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Training settings: how often expiries are looked for and whether this node does it; how long before expiry a
 * reminder goes out and what counts as expiring soon; the share of billets that must be filled for READY; and the
 * time the seat allocator may take. (The node's public base URL, {@code kalkan.platform.public-base-url}, is the
 * {@code homePage} of its persons' xAPI accounts and the root of its course activity ids.)
 */
@ConfigurationProperties("kalkan.training")
public record TrainingProperties(
        @DefaultValue("PT1M") Duration pollInterval,
        @DefaultValue("true") boolean pollerEnabled,
        @DefaultValue("P60D") Period reminderBefore,
        @DefaultValue("P90D") Period expiringWithin,
        @DefaultValue("0.8") double readinessThreshold,
        @DefaultValue("PT5S") Duration allocationTimeLimit) {

    public TrainingProperties {
        if (readinessThreshold <= 0 || readinessThreshold > 1) {
            throw new IllegalArgumentException("kalkan.training.readiness-threshold must be in (0, 1]");
        }
    }

}
