package org.kalkan.interop.cot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The CoT streaming server: mutual-TLS port (0 = any free port), plain-TCP laboratory port (-1 = off, 0 = any
 * free port) and the user its connections act as, the largest accepted message, each subscriber's queue, the
 * label of CoT whose sender has none configured, the host name in the server certificate, how long enrolled
 * certificates are valid, and how often live connections are re-checked against revocations and accounts.
 */
@ConfigurationProperties("kalkan.cot")
public record CotProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("8089") int tlsPort,
        @DefaultValue("-1") int tcpPort,
        @DefaultValue("") String tcpUser,
        @DefaultValue("1048576") int maxMessageBytes,
        @DefaultValue("1024") int queueSize,
        @DefaultValue("RESTRICTED // REL TO MEMBERS") String defaultLabel,
        @DefaultValue("localhost") String serverHost,
        @DefaultValue("P365D") Duration certificateValidity,
        @DefaultValue("PT2S") Duration accessCheck) {
}
