package org.kalkan.federation.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kalkan.federation.NewPeer;
import org.kalkan.federation.NodeId;
import org.kalkan.federation.Peer;
import org.kalkan.federation.PeerStatus;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the registered peers and what each link did. */
@Repository
public class PeerStore {

    private final JdbcClient jdbc;

    PeerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Peer> all() {
        return jdbc.sql("SELECT * FROM federation_peer ORDER BY node_id").query(PeerStore::peer).list();
    }

    public Optional<Peer> find(String nodeId) {
        return jdbc.sql("SELECT * FROM federation_peer WHERE node_id = :id").param("id", nodeId)
                .query(PeerStore::peer).optional();
    }

    public Optional<Peer> byFingerprint(String fingerprint) {
        return jdbc.sql("SELECT * FROM federation_peer WHERE fingerprint = :f").param("f", fingerprint)
                .query(PeerStore::peer).optional();
    }

    public boolean fingerprintTaken(String fingerprint, NodeId except) {
        return jdbc.sql("SELECT count(*) FROM federation_peer WHERE fingerprint = :f AND node_id <> :id")
                .param("f", fingerprint).param("id", except.value()).query(Long.class).single() > 0;
    }

    public void insert(NewPeer peer, String fingerprint, Instant now) {
        jdbc.sql("""
                INSERT INTO federation_peer (node_id, nations, max_classification, url, certificate, fingerprint,
                    created_at, updated_at)
                VALUES (:id, :nations, :max, :url, :certificate, :fingerprint, :now, :now)""")
                .param("id", peer.nodeId().value()).param("nations", nations(peer))
                .param("max", peer.maxClassification().rank()).param("url", peer.url())
                .param("certificate", peer.certificate()).param("fingerprint", fingerprint)
                .param("now", Timestamp.from(now)).update();
        jdbc.sql("INSERT INTO federation_peer_status (node_id) VALUES (:id)").param("id", peer.nodeId().value())
                .update();
    }

    public boolean update(NewPeer peer, String fingerprint, Instant now) {
        return jdbc.sql("""
                UPDATE federation_peer SET nations = :nations, max_classification = :max, url = :url,
                    certificate = :certificate, fingerprint = :fingerprint, updated_at = :now, version = version + 1
                WHERE node_id = :id""")
                .param("id", peer.nodeId().value()).param("nations", nations(peer))
                .param("max", peer.maxClassification().rank()).param("url", peer.url())
                .param("certificate", peer.certificate()).param("fingerprint", fingerprint)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    public boolean delete(NodeId id) {
        return jdbc.sql("DELETE FROM federation_peer WHERE node_id = :id").param("id", id.value()).update() == 1;
    }

    public List<PeerStatus> statuses(Instant now) {
        return jdbc.sql("SELECT * FROM federation_peer p JOIN federation_peer_status s USING (node_id) ORDER BY node_id")
                .query((rs, i) -> status(rs, now)).list();
    }

    public Optional<PeerStatus> status(String nodeId, Instant now) {
        return jdbc.sql("SELECT * FROM federation_peer p JOIN federation_peer_status s USING (node_id) "
                        + "WHERE node_id = :id")
                .param("id", nodeId).query((rs, i) -> status(rs, now)).optional();
    }

    /** A batch pulled from (or imported of) the peer was applied: counts, contact, how far behind we still are. */
    public void received(String nodeId, long bytes, long entries, long quarantined, long behind, Instant now) {
        jdbc.sql("""
                UPDATE federation_peer_status SET last_contact = :now, bytes_in = bytes_in + :bytes,
                    entries_in = entries_in + :entries, quarantined = quarantined + :quarantined,
                    behind_entries = :behind,
                    caught_up_at = CASE WHEN :behind = 0 THEN :now ELSE caught_up_at END,
                    last_error = NULL
                WHERE node_id = :id""")
                .param("id", nodeId).param("bytes", bytes).param("entries", entries).param("quarantined", quarantined)
                .param("behind", behind).param("now", Timestamp.from(now)).update();
    }

    /** A batch was served to the peer (or exported for it), which was {@code peerBehind} entries behind. */
    public void sent(String nodeId, long bytes, long entries, long peerBehind, Instant now) {
        jdbc.sql("""
                UPDATE federation_peer_status SET last_contact = :now, bytes_out = bytes_out + :bytes,
                    entries_out = entries_out + :entries, peer_behind_entries = :behind
                WHERE node_id = :id""")
                .param("id", nodeId).param("bytes", bytes).param("entries", entries).param("behind", peerBehind)
                .param("now", Timestamp.from(now)).update();
    }

    public void failed(String nodeId, String error, Instant now) {
        jdbc.sql("UPDATE federation_peer_status SET last_error = :error, last_error_at = :now WHERE node_id = :id")
                .param("id", nodeId).param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("now", Timestamp.from(now)).update();
    }

    public void acknowledged(String nodeId, String cursor) {
        jdbc.sql("UPDATE federation_peer_status SET acknowledged_cursor = :c WHERE node_id = :id")
                .param("id", nodeId).param("c", cursor).update();
    }

    public Optional<String> acknowledgedCursor(String nodeId) {
        return jdbc.sql("SELECT acknowledged_cursor FROM federation_peer_status WHERE node_id = :id")
                .param("id", nodeId).query((rs, i) -> Optional.ofNullable(rs.getString(1))).optional()
                .flatMap(c -> c);
    }

    private static String[] nations(NewPeer peer) {
        return peer.nations().stream().map(NationCode::value).sorted().toArray(String[]::new);
    }

    static Peer peer(ResultSet rs, int row) throws SQLException {
        return new Peer(NodeId.of(rs.getString("node_id")), nationSet(rs.getArray("nations")),
                Classification.ofRank(rs.getInt("max_classification")), rs.getString("url"),
                rs.getString("certificate"), rs.getString("fingerprint"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }

    private static PeerStatus status(ResultSet rs, Instant now) throws SQLException {
        long behind = rs.getLong("behind_entries");
        Instant caughtUp = instant(rs, "caught_up_at");
        Instant created = rs.getTimestamp("created_at").toInstant();
        long secondsBehind = behind == 0 ? 0
                : Math.max(0, now.getEpochSecond() - (caughtUp == null ? created : caughtUp).getEpochSecond());
        return new PeerStatus(peer(rs, 0), instant(rs, "last_contact"), behind, secondsBehind,
                rs.getLong("peer_behind_entries"), rs.getLong("quarantined"), rs.getLong("bytes_in"),
                rs.getLong("bytes_out"), rs.getLong("entries_in"), rs.getLong("entries_out"),
                rs.getString("last_error"), instant(rs, "last_error_at"));
    }

    private static java.util.Set<NationCode> nationSet(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(NationCode::of).collect(Collectors.toSet());
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
