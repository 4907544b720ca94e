package org.kalkan.platform.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import org.kalkan.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The node's one PostgreSQL: external when {@code KALKAN_DB_URL} is set, otherwise an embedded server whose data
 * lives under {@code KALKAN_DATA_DIR/postgres} and whose password is in {@code KALKAN_DATA_DIR/postgres-password}.
 * Kept in its own class: defining the DataSource next to a JdbcClient user makes a cycle through Flyway.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(PlatformProperties properties) throws IOException {
        if (properties.db().external()) {
            return EmbeddedDatabase.none();
        }
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        String binaries = properties.db().embeddedBinaries();
        return EmbeddedDatabase.start(dataDir.resolve("postgres"), dataDir.resolve("postgres-password"),
                binaries.isBlank() ? dataDir.resolve("postgres-bin") : Path.of(binaries).toAbsolutePath().normalize());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(PlatformProperties properties, EmbeddedDatabase embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("kalkan");
        config.setMaximumPoolSize(properties.db().poolSize());
        // Shown in pg_stat_activity; in a cluster, how the instances tell whose connections are alive (ADR 0012).
        config.addDataSourceProperty("ApplicationName", properties.db().applicationName());
        if (properties.db().external()) {
            log.info("Using external PostgreSQL at {}", properties.db().url());
            config.setJdbcUrl(properties.db().url());
            config.setUsername(properties.db().user());
            config.setPassword(properties.db().password());
        } else {
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername(embedded.user());
            config.setPassword(embedded.password());
        }
        return new HikariDataSource(config);
    }

}
