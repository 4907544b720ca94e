package org.kalkan.training.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.platform.LabelColumns;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.kalkan.training.Agent;
import org.kalkan.training.DeadLetter;
import org.kalkan.training.LearningStatement;
import org.kalkan.training.LearningSystem;
import org.kalkan.training.StatementQuery;
import org.kalkan.training.StoredStatement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the learning record store: learning systems (credentials as SHA-256 hashes), statements and dead letters.
 * Statements and dead letters are read through the policy's filter on alias {@code x}.
 */
@Repository
class StatementStore {

    private final JdbcClient jdbc;

    StatementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- learning systems

    void insertSystem(LearningSystem system, String secretHash, String tokenHash, String by, Instant now) {
        jdbc.sql("""
                INSERT INTO xapi_system (id, name, nation, clearance, secret_hash, token_hash, classification,
                    releasable_to, origin_nation, created_by, created_at)
                VALUES (:id, :name, :nation, :clearance, :secret, :token, :classification, :releasable, :nation, :by,
                    :now)""")
                .param("id", system.id()).param("name", system.name()).param("nation", system.nation().value())
                .param("clearance", system.clearance().rank()).param("secret", secretHash).param("token", tokenHash)
                .param("classification", LabelColumns.classification(system.label()))
                .param("releasable", LabelColumns.releasableTo(system.label())).param("by", by)
                .param("now", Timestamp.from(now)).update();
    }

    boolean systemExists(String name) {
        return jdbc.sql("SELECT count(*) FROM xapi_system WHERE name = :n").param("n", name).query(Long.class)
                .single() > 0;
    }

    /** The enabled system and its secret's hash. */
    record Credentials(LearningSystem system, String secretHash) {
    }

    Optional<Credentials> byName(String name) {
        return jdbc.sql("SELECT * FROM xapi_system WHERE name = :n AND enabled").param("n", name)
                .query((rs, i) -> new Credentials(system(rs, i), rs.getString("secret_hash"))).optional();
    }

    Optional<LearningSystem> byTokenHash(String tokenHash) {
        return jdbc.sql("SELECT * FROM xapi_system WHERE token_hash = :t AND enabled").param("t", tokenHash)
                .query(StatementStore::system).optional();
    }

    List<LearningSystem> systems(LabelFilter filter) {
        return jdbc.sql("SELECT x.* FROM xapi_system x WHERE " + filter.sql() + " ORDER BY x.name")
                .params(filter.parameters()).query(StatementStore::system).list();
    }

    private static LearningSystem system(ResultSet rs, int row) throws SQLException {
        return new LearningSystem(Rows.uuid(rs, "id"), rs.getString("name"),
                NationCode.of(rs.getString("nation").strip()),
                Classification.ofRank(rs.getInt("clearance")), LabelColumns.read(rs));
    }

    // ---- statements

    /** What is stored with a statement besides itself. */
    record Row(LearningStatement statement, @Nullable UUID system, String authority, String version, Instant stored,
            @Nullable UUID person, SecurityLabel label, NationCode origin) {
    }

    void insert(Row row) {
        LearningStatement s = row.statement();
        Agent actor = s.actor();
        jdbc.sql("""
                INSERT INTO xapi_statement (id, system_id, authority, version, stored, timestamp, actor_key, actor_name,
                    actor_home_page, actor_account, verb, activity, activity_name, success, completion, document,
                    person_id, classification, releasable_to, origin_nation)
                VALUES (:id, :system, :authority, :version, :stored, :timestamp, :actorKey, :actorName, :homePage,
                    :account, :verb, :activity, :activityName, :success, :completion, CAST(:document AS JSONB),
                    :person, :classification, :releasable, :origin)""")
                .param("id", s.id()).param("system", row.system()).param("authority", row.authority())
                .param("version", row.version()).param("stored", Timestamp.from(row.stored()))
                .param("timestamp", Timestamp.from(s.timestamp() == null ? row.stored() : s.timestamp()))
                .param("actorKey", actor.key()).param("actorName", actor.name()).param("homePage", actor.homePage())
                .param("account", actor.accountName()).param("verb", s.verb()).param("activity", s.activity())
                .param("activityName", s.activityName()).param("success", s.success())
                .param("completion", s.completion()).param("document", s.document()).param("person", row.person())
                .param("classification", LabelColumns.classification(row.label()))
                .param("releasable", LabelColumns.releasableTo(row.label())).param("origin", row.origin().value())
                .update();
    }

    /** Whether a statement with this id is stored, and whether its document equals this one (as JSON). */
    Optional<Boolean> sameAsStored(UUID id, @Nullable String document) {
        return jdbc.sql("SELECT document IS NOT DISTINCT FROM CAST(:doc AS JSONB) FROM xapi_statement WHERE id = :id")
                .param("id", id).param("doc", document).query(Boolean.class).optional();
    }

    void linkPerson(UUID statement, UUID person) {
        jdbc.sql("UPDATE xapi_statement SET person_id = :p WHERE id = :id").param("id", statement).param("p", person)
                .update();
    }

    Optional<StoredStatement> find(LabelFilter filter, UUID id) {
        return jdbc.sql("SELECT x.* FROM xapi_statement x WHERE x.id = :id AND " + filter.sql())
                .param("id", id).params(filter.parameters()).query(StatementStore::statement).optional();
    }

    /** Statements matching the query in stored order; one more than the limit tells whether more follow. */
    List<Long> sequences(LabelFilter filter, StatementQuery q) {
        return jdbc.sql("SELECT x.seq FROM xapi_statement x WHERE " + filter.sql() + where(q)
                        + " ORDER BY x.seq " + (q.ascending() ? "ASC" : "DESC") + " LIMIT :limit")
                .params(filter.parameters()).params(parameters(q)).param("limit", q.limit() + 1)
                .query(Long.class).list();
    }

    List<StoredStatement> bySequences(List<Long> sequences, boolean ascending) {
        if (sequences.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT x.* FROM xapi_statement x WHERE x.seq = ANY(:seqs) ORDER BY x.seq "
                        + (ascending ? "ASC" : "DESC"))
                .param("seqs", sequences.toArray(Long[]::new)).query(StatementStore::statement).list();
    }

    private static String where(StatementQuery q) {
        return (q.agent() == null ? "" : " AND x.actor_key = :agent")
                + (q.verb() == null ? "" : " AND x.verb = :verb")
                + (q.activity() == null ? "" : " AND x.activity = :activity")
                + (q.since() == null ? "" : " AND x.stored > :since")
                + (q.until() == null ? "" : " AND x.stored <= :until")
                + (q.cursor() == null ? "" : " AND x.seq " + (q.ascending() ? ">" : "<") + " :cursor");
    }

    private static java.util.Map<String, Object> parameters(StatementQuery q) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        if (q.agent() != null) {
            p.put("agent", q.agent().key());
        }
        if (q.verb() != null) {
            p.put("verb", q.verb());
        }
        if (q.activity() != null) {
            p.put("activity", q.activity());
        }
        if (q.since() != null) {
            p.put("since", Timestamp.from(q.since()));
        }
        if (q.until() != null) {
            p.put("until", Timestamp.from(q.until()));
        }
        if (q.cursor() != null) {
            p.put("cursor", q.cursor());
        }
        return p;
    }

    long sequenceOf(UUID id) {
        return jdbc.sql("SELECT seq FROM xapi_statement WHERE id = :id").param("id", id).query(Long.class).single();
    }

    private static StoredStatement statement(ResultSet rs, int row) throws SQLException {
        String homePage = rs.getString("actor_home_page");
        String key = rs.getString("actor_key");
        String value = key.substring(key.indexOf(':') + 1);
        Agent actor = homePage != null ? Agent.account(homePage, rs.getString("actor_account"),
                rs.getString("actor_name"))
                : new Agent(rs.getString("actor_name"), key.startsWith("mbox:") ? value : null,
                        key.startsWith("mbox_sha1sum:") ? value : null, key.startsWith("openid:") ? value : null,
                        null, null);
        LearningStatement statement = new LearningStatement(Rows.uuid(rs, "id"), actor, rs.getString("verb"),
                rs.getString("activity"), rs.getString("activity_name"), rs.getObject("success", Boolean.class),
                rs.getObject("completion", Boolean.class), Rows.instant(rs, "timestamp"), rs.getString("document"));
        return new StoredStatement(statement, Rows.instant(rs, "stored"), rs.getString("authority"),
                rs.getString("version"));
    }

    // ---- dead letters

    void insertDeadLetter(UUID statement, UUID system, Instant at, String reason, SecurityLabel label,
            NationCode origin) {
        jdbc.sql("""
                INSERT INTO xapi_dead_letter (id, statement_id, system_id, received_at, reason, classification,
                    releasable_to, origin_nation)
                VALUES (:id, :statement, :system, :at, :reason, :classification, :releasable, :origin)""")
                .param("id", UUID.randomUUID()).param("statement", statement).param("system", system)
                .param("at", Timestamp.from(at)).param("reason", reason)
                .param("classification", LabelColumns.classification(label))
                .param("releasable", LabelColumns.releasableTo(label)).param("origin", origin.value()).update();
    }

    List<DeadLetter> deadLetters(LabelFilter filter, int limit) {
        return jdbc.sql("""
                SELECT x.id, x.statement_id, x.received_at, x.reason, s.name AS system_name,
                       COALESCE(st.document::text, '') AS document, x.classification, x.releasable_to
                FROM xapi_dead_letter x JOIN xapi_system s ON s.id = x.system_id
                JOIN xapi_statement st ON st.id = x.statement_id
                WHERE """ + filter.sql() + " ORDER BY x.received_at DESC LIMIT :limit")
                .params(filter.parameters()).param("limit", limit)
                .query((rs, i) -> new DeadLetter(Rows.uuid(rs, "id"), Rows.uuid(rs, "statement_id"),
                        rs.getString("system_name"), Rows.instant(rs, "received_at"), rs.getString("reason"),
                        rs.getString("document"), LabelColumns.read(rs)))
                .list();
    }
}
