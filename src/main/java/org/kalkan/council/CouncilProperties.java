package org.kalkan.council;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Council settings: how often the silence deadlines are polled, the longest silence the chair may set, the shortest
 * (a decision binds the members, so each must have time to read it and object: {@code minSilence}, or
 * {@code minUrgentSilence} when the chair records an urgency), and the prefix of register numbers
 * ({@code JDC-2026-0007}).
 */
@ConfigurationProperties("kalkan.council")
public record CouncilProperties(
        @DefaultValue("PT1S") Duration silencePoll,
        @DefaultValue("P30D") Duration maxSilence,
        @DefaultValue("PT24H") Duration minSilence,
        @DefaultValue("PT1H") Duration minUrgentSilence,
        @DefaultValue("JDC") String registerPrefix) {

    public CouncilProperties {
        if (!registerPrefix.matches("[A-Z]{2,8}")) {
            throw new IllegalArgumentException("kalkan.council.register-prefix must be 2 to 8 capital letters");
        }
        if (minUrgentSilence.isNegative() || minUrgentSilence.isZero() || minUrgentSilence.compareTo(minSilence) > 0
                || minSilence.compareTo(maxSilence) > 0) {
            throw new IllegalArgumentException("kalkan.council: 0 < min-urgent-silence <= min-silence <= max-silence");
        }
    }
}
