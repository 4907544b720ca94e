package org.kalkan.exercise;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Exercise settings: how often the poller looks for due injects and overdue expected actions, and whether this
 * node runs it.
 */
@ConfigurationProperties("kalkan.exercise")
public record ExerciseProperties(
        @DefaultValue("PT1S") Duration pollInterval,
        @DefaultValue("true") boolean pollerEnabled) {
}
