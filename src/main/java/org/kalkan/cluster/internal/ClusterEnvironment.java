package org.kalkan.cluster.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kalkan.cluster.Cluster;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides, before any bean exists, whether this start is a single node or an instance of a cluster, so that a single
 * node has no Kafka client and no Kafka externalisation at all (the auto-configurations are excluded), and a cluster
 * instance gets them configured from {@code kalkan.cluster.*}: Kafka at the bootstrap address, a consumer group of
 * its own (its incarnation, so every instance hears every signal), and its database connections named after it.
 * Outstanding publications are not republished at a clustered start: another instance may be processing them; the
 * lease holder resubmits what the staleness monitor marked failed instead (ADR 0014, {@code ClusteredPublications}).
 */
public class ClusterEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "kalkanCluster";
    static final List<String> CLUSTER_ONLY_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration",
            "org.springframework.modulith.events.kafka.KafkaEventExternalizerConfiguration",
            "org.springframework.modulith.events.kafka.KafkaJacksonConfiguration",
            "org.springframework.modulith.events.kafka.KafkaJackson2Configuration",
            // Browser sessions in PostgreSQL: a single node keeps them in memory (ADR 0014).
            "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
            "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration",
            "org.springframework.boot.session.autoconfigure.SessionsEndpointAutoConfiguration");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public int getOrder() {
        // After the application's configuration files have been read.
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String bootstrap = environment.getProperty("kalkan.cluster.kafka-bootstrap", "").strip();
        Map<String, Object> settings = new LinkedHashMap<>();
        if (bootstrap.isEmpty()) {
            List<String> excluded = new ArrayList<>(List.of(environment.getProperty("spring.autoconfigure.exclude",
                    String[].class, new String[0])));
            excluded.addAll(CLUSTER_ONLY_AUTO_CONFIGURATIONS);
            settings.put("spring.autoconfigure.exclude", String.join(",", excluded));
            settings.put("spring.modulith.events.externalization.enabled", "false");
        } else {
            String incarnation = incarnation(environment);
            settings.put(Cluster.INCARNATION_PROPERTY, incarnation);
            settings.put("kalkan.platform.db.application-name", "kalkan/" + incarnation);
            // Never resubmit incomplete publications at start: another instance may be processing them (ADR 0014).
            settings.put("spring.modulith.events.republish-outstanding-events-on-restart", "false");
            // Sessions in PostgreSQL, so a browser may reach any instance; Flyway owns the tables (V9).
            settings.put("spring.session.jdbc.initialize-schema", "never");
            defaults(environment, settings, Map.of(
                    "spring.kafka.bootstrap-servers", bootstrap,
                    "spring.kafka.client-id", "kalkan-" + incarnation,
                    "spring.kafka.consumer.group-id", "kalkan-" + incarnation,
                    // A new incarnation starts at the present: its clients load the picture when they connect.
                    "spring.kafka.consumer.auto-offset-reset", "latest",
                    "spring.kafka.producer.properties.linger.ms", "1",
                    "spring.kafka.admin.fail-fast", "false",
                    // What an instance that died left published or processing becomes failed, and the lease holder
                    // resubmits it (ClusteredPublications); far above what a live instance takes.
                    "spring.modulith.events.staleness.published", "PT2M",
                    "spring.modulith.events.staleness.processing", "PT5M",
                    "spring.modulith.events.staleness.resubmission", "PT10M",
                    "spring.modulith.events.staleness.check-intervall", "PT30S"));
        }
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, settings));
    }

    private static void defaults(ConfigurableEnvironment environment, Map<String, Object> settings,
            Map<String, String> defaults) {
        defaults.forEach((key, value) -> {
            if (!environment.containsProperty(key)) {
                settings.put(key, value);
            }
        });
    }

    /** The instance id (or host and port) with a random suffix: unique for every start, short enough for PostgreSQL. */
    static String incarnation(ConfigurableEnvironment environment) {
        String id = environment.getProperty("kalkan.cluster.instance-id", "").strip();
        if (id.isEmpty()) {
            id = hostName() + "-" + environment.getProperty("server.port", "8080");
        }
        id = id.replaceAll("[^A-Za-z0-9._-]", "-");
        if (id.length() > 40) {
            id = id.substring(0, 40);
        }
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        return id + "-" + HexFormat.of().formatHex(suffix);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "kalkan";
        }
    }
}
