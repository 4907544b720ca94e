package org.kalkan.federation;

import java.time.Duration;
import org.kalkan.shared.Classification;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The node's federation settings: its id and nation ({@code KALKAN_NODE_ID}, {@code KALKAN_NODE_NATION}; no nation
 * for the centre, which serves every nation), the highest classification it is accredited for, the mutual-TLS port
 * ({@code KALKAN_FEDERATION_PORT}, 0 = any free port), how relayed entries may travel, how the links pull, and how
 * often each peer's signed audit checkpoint is fetched and checked ({@code witness-interval}), and how long the
 * sequencer gathers commits into one signed run ({@code sequence-gather}).
 */
@ConfigurationProperties("kalkan.federation")
public record FederationProperties(
        @DefaultValue("CMC") String nodeId,
        @DefaultValue("") String nation,
        @DefaultValue("SECRET") Classification maxClassification,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("8444") int port,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("2") int hopLimit,
        @DefaultValue("500") int batchLimit,
        @DefaultValue("PT20S") Duration longPoll,
        @DefaultValue("PT1S") Duration sequenceInterval,
        @DefaultValue("PT30S") Duration maxBackoff,
        @DefaultValue("PT60S") Duration requestTimeout,
        @DefaultValue("67108864") long maxBatchBytes,
        @DefaultValue("PT30S") Duration witnessInterval,
        @DefaultValue("PT0.1S") Duration sequenceGather) {

    public FederationProperties {
        NodeId.of(nodeId);
        if (!nation.isBlank() && !org.kalkan.shared.NationCode.isValid(nation)) {
            throw new IllegalArgumentException("kalkan.federation.nation is not a nation code: " + nation);
        }
        if (hopLimit < 0 || batchLimit < 1) {
            throw new IllegalArgumentException("kalkan.federation.hop-limit >= 0 and batch-limit >= 1");
        }
    }
}
