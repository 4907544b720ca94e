package org.kalkan.notification;

import java.time.Duration;
import org.kalkan.shared.Classification;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notification module: default acknowledgement deadlines per precedence, the longest deadline
 * an alert may ask for, e-mail delivery (needs {@code spring.mail.*} too), and the live inbox's per-subscriber
 * queue size.
 */
@ConfigurationProperties("kalkan.notification")
public record NotificationProperties(
        @DefaultValue AckWithin ackWithin,
        @DefaultValue("P7D") Duration maxAckWithin,
        @DefaultValue Mail mail,
        @DefaultValue("32") int streamQueueSize) {

    public record AckWithin(@DefaultValue("PT15M") Duration flash, @DefaultValue("PT1H") Duration immediate,
            @DefaultValue("PT4H") Duration priority, @DefaultValue("PT24H") Duration routine) {

        public Duration of(Precedence precedence) {
            return switch (precedence) {
                case FLASH -> flash;
                case IMMEDIATE -> immediate;
                case PRIORITY -> priority;
                case ROUTINE -> routine;
            };
        }
    }

    /**
     * E-mail delivery. Alerts classified above {@code maxClassification} are never mailed: their recipients get a
     * notice to sign in instead.
     */
    public record Mail(@DefaultValue("false") boolean enabled,
            @DefaultValue("RESTRICTED") Classification maxClassification,
            @DefaultValue("kalkan@localhost") String from) {
    }
}
