package org.kalkan.platform.internal;

import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrates the schema in order, and out of order only when it has to: each module numbers its migrations in its own
 * range (docs/DEVELOPING.md), so on an existing data directory a module's new migration can be numbered below one
 * another module already applied. Only then are migrations applied out of order, and the log says why before Flyway
 * warns that it does; a fresh or up-to-date database migrates without that warning.
 */
@Configuration(proxyBeanMethods = false)
class Migrations {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    @Bean
    FlywayMigrationStrategy migrateOutOfOrderOnlyWhenNeeded() {
        return flyway -> {
            List<String> below = belowTheSchemaVersion(flyway);
            if (below.isEmpty()) {
                flyway.migrate();
                return;
            }
            log.info("Applying migration(s) {} numbered below the schema's current version: each module numbers its "
                    + "migrations in its own range (docs/DEVELOPING.md), so this is expected after an upgrade",
                    below);
            Flyway.configure().configuration(flyway.getConfiguration()).outOfOrder(true).load().migrate();
        };
    }

    /** Pending migrations that in-order migration would skip (Flyway reports them as ignored). */
    static List<String> belowTheSchemaVersion(Flyway flyway) {
        return Arrays.stream(flyway.info().all()).filter(m -> m.getState() == MigrationState.IGNORED)
                .map(MigrationInfo::getVersion).map(String::valueOf).toList();
    }
}
