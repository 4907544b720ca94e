package org.kalkan.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Node-wide settings. {@code dataDir} holds the embedded database; {@code db.url} switches to an external
 * PostgreSQL; {@code maxBodyBytes} caps every API request body.
 */
@ConfigurationProperties("kalkan.platform")
public record PlatformProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Db db,
        @DefaultValue("1048576") long maxBodyBytes) {

    public record Db(@DefaultValue("") String url, @DefaultValue("") String user, @DefaultValue("") String password,
            @DefaultValue("10") int poolSize) {

        public boolean external() {
            return !url.isBlank();
        }
    }
}
