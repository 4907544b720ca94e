package org.kalkan.interop.cot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The CoT streaming server: mutual-TLS port (0 = any free port), plain-TCP laboratory port (-1 = off, 0 = any
 * free port) and the user its connections act as, the largest accepted message, each subscriber's queue, the
 * label of CoT whose sender has none configured, the host name in the server certificate, how long enrolled
 * certificates are valid, how often live connections are re-checked against revocations and accounts, how deep and
 * how many elements one event may have (more is refused and counted), and how long after its last event a uid stays
 * its sender's (another sender's events under it are refused meanwhile).
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
        @DefaultValue("PT2S") Duration accessCheck,
        @DefaultValue("32") int maxDepth,
        @DefaultValue("5000") int maxElements,
        @DefaultValue("PT24H") Duration uidHold) {

    /** The tree limits of one event. */
    CotXml.Limits limits() {
        return new CotXml.Limits(maxDepth, maxElements);
    }
}
