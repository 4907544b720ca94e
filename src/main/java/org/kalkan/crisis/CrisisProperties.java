package org.kalkan.crisis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Crisis settings: the shortest SITREP schedule a crisis may have, and whether this node runs the poller that
 * flags overdue tasks and RFIs and prepares scheduled SITREPs.
 */
@ConfigurationProperties("kalkan.crisis")
public record CrisisProperties(
        @DefaultValue("PT1H") Duration minimumSitrepInterval,
        @DefaultValue("true") boolean pollerEnabled) {
}
