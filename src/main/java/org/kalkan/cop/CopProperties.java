package org.kalkan.cop;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live stream limits (each subscriber's queue, the heartbeat that detects dead clients, the stream's lifetime)
 * and an optional offline raster tile package (MBTiles) to use as the basemap.
 */
@ConfigurationProperties("kalkan.cop")
public record CopProperties(
        @DefaultValue("512") int subscriberQueue,
        @DefaultValue("PT15S") Duration heartbeat,
        @DefaultValue("PT30M") Duration streamTimeout,
        @DefaultValue("") String basemapMbtiles) {
}
