package org.kalkan.interop.cot.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** One row of the multi-row insert: # becomes the row's index; instance and time are the same for all. */
    private static final String ROW = "(:id#, :uid#, :type#, :how#, :time#, :start#, :stale#, :lat#, :lon#, :hae#, "
            + ":ce#, :le#, :detail#, :callsign#, :classification#, :releasableTo#, :origin#, :exercise#, :sender#, "
            + ":senderNation#, :instance, :received)";

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
    public List<UUID> addAll(List<RelayedCot> events, String instance, Instant receivedAt) {
        List<UUID> ids = new ArrayList<>(events.size());
        StringBuilder values = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        params.put("instance", instance);
        params.put("received", Timestamp.from(receivedAt));
        for (int i = 0; i < events.size(); i++) {
            RelayedCot event = events.get(i);
            UUID id = UUID.randomUUID();
            ids.add(id);
            values.append(i == 0 ? "" : ",\n").append(ROW.replace("#", Integer.toString(i)));
            NationCode origin = event.origin();
            params.put("id" + i, id);
            params.put("uid" + i, event.uid());
            params.put("type" + i, event.type());
            params.put("how" + i, event.how());
            params.put("time" + i, Timestamp.from(event.time()));
            params.put("start" + i, Timestamp.from(event.start()));
            params.put("stale" + i, Timestamp.from(event.stale()));
            params.put("lat" + i, event.lat());
            params.put("lon" + i, event.lon());
            params.put("hae" + i, event.hae());
            params.put("ce" + i, event.ce());
            params.put("le" + i, event.le());
            params.put("detail" + i, event.detail());
            params.put("callsign" + i, event.callsign());
            params.put("classification" + i, LabelColumns.classification(event.label()));
            params.put("releasableTo" + i, LabelColumns.releasableTo(event.label()));
            params.put("origin" + i, origin == null ? null : origin.value());
            params.put("exercise" + i, event.exercise());
            params.put("sender" + i, event.sender());
            params.put("senderNation" + i, event.senderNation().value());
        }
        if (!events.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO cot_relay (id, uid, type, how, event_time, start_time, stale_time, lat, lon, hae, ce,
                        le, detail, callsign, classification, releasable_to, origin_nation, exercise_id, sender,
                        sender_nation, instance, received_at)
                    VALUES """ + values).params(params).update();
        }
        return ids;
    }

    @Override
    public List<RelayedCot> findAll(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, RelayedCot> found = new HashMap<>();
        jdbc.sql("SELECT * FROM cot_relay WHERE id IN (:ids)").param("ids", ids)
                .query(rs -> {
                    found.put(rs.getObject("id", UUID.class), row(rs, 0));
                });
        List<RelayedCot> ordered = new ArrayList<>(found.size());
        for (UUID id : ids) {
            RelayedCot event = found.get(id);
            if (event != null) {
                ordered.add(event);
            }
        }
        return ordered;
    }

    /** By the device's time: the rows of one relayed batch share their received_at. */
    @Override
    public List<RelayedCot> latestPositions(Instant now) {
        return jdbc.sql("""
                SELECT DISTINCT ON (uid) * FROM cot_relay WHERE type LIKE 'a-%' AND stale_time > :now
                ORDER BY uid, event_time DESC, received_at DESC""").param("now", Timestamp.from(now))
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
