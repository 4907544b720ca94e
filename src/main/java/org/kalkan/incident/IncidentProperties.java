package org.kalkan.incident;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Correlation: a report joins an open incident of its category within this distance and time window. */
@ConfigurationProperties("kalkan.incident")
public record IncidentProperties(
        @DefaultValue("50") double correlationDistanceKm,
        @DefaultValue("PT24H") Duration correlationWindow) {
}
