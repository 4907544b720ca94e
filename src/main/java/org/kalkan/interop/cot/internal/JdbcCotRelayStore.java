package org.kalkan.interop.cot.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kalkan.cluster.Cluster;
import org.kalkan.cluster.Lease;
import org.kalkan.interop.cot.CotProperties;
import org.kalkan.interop.cot.CotRelayStore;
import org.kalkan.interop.cot.RelayedCot;
import org.kalkan.platform.LabelColumns;
import org.kalkan.shared.NationCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * {@code cot_relay} (Flyway V25): CoT events relayed between instances, deleted when stale (or older than the uid
 * hold) every {@code kalkan.cot.relay-prune} by the lease holder. On a single node nothing is written, and the
 * pruning run returns at once.
 */
@Repository
class JdbcCotRelayStore implements CotRelayStore {

    private final JdbcClient jdbc;
    private final Cluster cluster;
    private final Lease lease;
    private final CotProperties properties;
    private final Clock clock;

    JdbcCotRelayStore(JdbcClient jdbc, Cluster cluster, Lease lease, CotProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.cluster = cluster;
        this.lease = lease;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void add(UUID id, RelayedCot event, String instance, Instant receivedAt) {
        NationCode origin = event.origin();
        jdbc.sql("""
                INSERT INTO cot_relay (id, uid, type, how, event_time, start_time, stale_time, lat, lon, hae, ce, le,
                    detail, callsign, classification, releasable_to, origin_nation, exercise_id, sender, sender_nation,
                    instance, received_at)
                VALUES (:id, :uid, :type, :how, :time, :start, :stale, :lat, :lon, :hae, :ce, :le, :detail, :callsign,
                    :classification, :releasableTo, :origin, :exercise, :sender, :senderNation, :instance, :received)""")
                .param("id", id).param("uid", event.uid()).param("type", event.type()).param("how", event.how())
                .param("time", Timestamp.from(event.time())).param("start", Timestamp.from(event.start()))
                .param("stale", Timestamp.from(event.stale())).param("lat", event.lat()).param("lon", event.lon())
                .param("hae", event.hae()).param("ce", event.ce()).param("le", event.le())
                .param("detail", event.detail()).param("callsign", event.callsign())
                .param("classification", LabelColumns.classification(event.label()))
                .param("releasableTo", LabelColumns.releasableTo(event.label()))
                .param("origin", origin == null ? null : origin.value()).param("exercise", event.exercise())
                .param("sender", event.sender()).param("senderNation", event.senderNation().value())
                .param("instance", instance).param("received", Timestamp.from(receivedAt))
                .update();
    }

    @Override
    public Optional<RelayedCot> find(UUID id) {
        return jdbc.sql("SELECT * FROM cot_relay WHERE id = :id").param("id", id).query(JdbcCotRelayStore::row)
                .optional();
    }

    @Override
    public List<RelayedCot> latestPositions(Instant now) {
        return jdbc.sql("""
                SELECT DISTINCT ON (uid) * FROM cot_relay WHERE type LIKE 'a-%' AND stale_time > :now
                ORDER BY uid, received_at DESC""").param("now", Timestamp.from(now))
                .query(JdbcCotRelayStore::row).list();
    }

    /** Deletes stale rows (and any older than the uid hold), on the lease holder of a cluster. */
    @Scheduled(fixedDelayString = "${kalkan.cot.relay-prune:PT1M}")
    void prune() {
        if (!cluster.clustered()) {
            return;
        }
        Instant now = clock.instant();
        lease.runIfHeld("cot.relay.prune", () -> jdbc.sql(
                "DELETE FROM cot_relay WHERE stale_time < :now OR received_at < :oldest")
                .param("now", Timestamp.from(now)).param("oldest", Timestamp.from(now.minus(properties.uidHold())))
                .update());
    }

    private static RelayedCot row(ResultSet rs, int row) throws SQLException {
        String origin = rs.getString("origin_nation");
        return new RelayedCot(rs.getString("uid"), rs.getString("type"), rs.getString("how"),
                rs.getTimestamp("event_time").toInstant(), rs.getTimestamp("start_time").toInstant(),
                rs.getTimestamp("stale_time").toInstant(), rs.getDouble("lat"), rs.getDouble("lon"),
                rs.getDouble("hae"), rs.getDouble("ce"), rs.getDouble("le"), rs.getString("detail"),
                rs.getString("callsign"), LabelColumns.read(rs), origin == null ? null : NationCode.of(origin),
                rs.getObject("exercise_id", UUID.class), NationCode.of(rs.getString("sender_nation")),
                rs.getString("sender"));
    }
}
