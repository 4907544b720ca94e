package org.kalkan.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The PostgreSQL and the Kafka broker the instances of a cluster test share, started in the test's JVM. */
final class Database {

    private Database() {
    }

    /** An empty PostgreSQL (trust authentication, user {@code postgres}) on a data directory of its own. */
    static EmbeddedPostgres start(String name) throws IOException {
        return EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(Path.of("target", "embedded-pg").toAbsolutePath().toFile())
                .setDataDirectory(Path.of("target", "test-data", name + "-" + UUID.randomUUID(), "postgres"))
                .start();
    }

    /** A single-node KRaft broker with the signal topic. */
    static EmbeddedKafkaKraftBroker broker(int partitions) {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, partitions, Signal.TOPIC);
        // One partition of consumer offsets, not fifty: the first consumer group is ready in a second, not ten.
        kafka.brokerProperties(Map.of("offsets.topic.num.partitions", "1", "group.initial.rebalance.delay.ms", "0"));
        kafka.afterPropertiesSet();
        return kafka;
    }

    /** The first column of the first row of a query ("" for no row). */
    static Object single(EmbeddedPostgres postgres, String sql, Object... parameters) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getObject(1) : "";
            }
        }
    }
}
