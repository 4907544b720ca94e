package org.kalkan.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Node-wide settings. {@code dataDir} holds the embedded database and the node's secrets; {@code db.url} switches to
 * an external PostgreSQL; {@code maxBodyBytes} caps every API request body; {@code publicBaseUrl} is the address
 * clients reach the node at, used for absolute links instead of the request's {@code Host} header (empty: derived
 * from the node's own port, see {@link PublicBaseUrl}).
 */
@ConfigurationProperties("kalkan.platform")
public record PlatformProperties(Path dataDir, Db db, long maxBodyBytes, String publicBaseUrl) {

    @ConstructorBinding
    public PlatformProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Db db,
            @DefaultValue("1048576") long maxBodyBytes, @DefaultValue("") String publicBaseUrl) {
        this.dataDir = dataDir;
        this.db = db;
        this.maxBodyBytes = maxBodyBytes;
        this.publicBaseUrl = publicBaseUrl;
    }

    public PlatformProperties(Path dataDir, Db db, long maxBodyBytes) {
        this(dataDir, db, maxBodyBytes, "");
    }

    /**
     * The database. {@code embeddedBinaries} is where the embedded server's binaries are extracted (empty:
     * {@code <data-dir>/postgres-bin}, a directory only the node's user writes to). {@code applicationName} is the
     * name the node's connections give PostgreSQL ({@code pg_stat_activity}); an instance of a cluster is given
     * its own (ADR 0012).
     */
    public record Db(String url, String user, String password, int poolSize, String embeddedBinaries,
            String applicationName) {

        @ConstructorBinding
        public Db(@DefaultValue("") String url, @DefaultValue("") String user, @DefaultValue("") String password,
                @DefaultValue("10") int poolSize, @DefaultValue("") String embeddedBinaries,
                @DefaultValue("kalkan") String applicationName) {
            this.url = url;
            this.user = user;
            this.password = password;
            this.poolSize = poolSize;
            this.embeddedBinaries = embeddedBinaries;
            this.applicationName = applicationName;
        }

        public Db(String url, String user, String password, int poolSize) {
            this(url, user, password, poolSize, "", "kalkan");
        }

        public boolean external() {
            return !url.isBlank();
        }
    }
}
