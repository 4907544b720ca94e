package org.kalkan.council.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Council settings: how often the silence deadlines are polled, the longest silence the chair may set, and the
 * prefix of register numbers ({@code JDC-2026-0007}).
 */
@ConfigurationProperties("kalkan.council")
public record CouncilProperties(
        @DefaultValue("PT1S") Duration silencePoll,
        @DefaultValue("P30D") Duration maxSilence,
        @DefaultValue("JDC") String registerPrefix) {

    public CouncilProperties {
        if (!registerPrefix.matches("[A-Z]{2,8}")) {
            throw new IllegalArgumentException("kalkan.council.register-prefix must be 2 to 8 capital letters");
        }
    }
}
