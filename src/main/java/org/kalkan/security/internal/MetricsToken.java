package org.kalkan.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.kalkan.platform.PlatformProperties;
import org.kalkan.platform.PrivateFiles;
import org.kalkan.security.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The credential a Prometheus server scrapes {@code /actuator/prometheus} with ({@code Authorization: Bearer}):
 * {@code KALKAN_METRICS_TOKEN}, or else one generated at the first start into {@code <data-dir>/metrics-token},
 * readable by the node's user only. It reads metrics and nothing else; only its SHA-256 is kept in memory.
 */
@Component
class MetricsToken {

    static final int MIN_LENGTH = 16;
    private static final Logger log = LoggerFactory.getLogger(MetricsToken.class);

    private final byte[] hash;

    MetricsToken(SecurityProperties properties, PlatformProperties platform) {
        String token = properties.metricsToken().strip();
        if (token.isEmpty()) {
            Path file = platform.dataDir().resolve("metrics-token").toAbsolutePath().normalize();
            try {
                token = PrivateFiles.readOrCreate(file, () -> PrivateFiles.randomSecret(32));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or create the metrics token in " + file, e);
            }
            log.info("Prometheus scrapes /actuator/prometheus with 'Authorization: Bearer <token>', the token being "
                    + "in {} (or set KALKAN_METRICS_TOKEN)", file);
        } else if (token.length() < MIN_LENGTH) {
            throw new IllegalStateException("kalkan.security.metrics-token (KALKAN_METRICS_TOKEN) must have at least "
                    + MIN_LENGTH + " characters");
        }
        this.hash = HexFormat.of().parseHex(ApiTokens.sha256(token));
    }

    /** Whether {@code presented} is the scrape token (compared in constant time). */
    boolean matches(@Nullable String presented) {
        return presented != null && MessageDigest.isEqual(hash,
                HexFormat.of().parseHex(ApiTokens.sha256(presented)));
    }
}
