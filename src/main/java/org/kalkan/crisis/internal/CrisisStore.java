package org.kalkan.crisis.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.crisis.Crisis;
import org.kalkan.crisis.CrisisId;
import org.kalkan.crisis.CrisisPhase;
import org.kalkan.crisis.CrisisTeam;
import org.kalkan.incident.IncidentId;
import org.kalkan.platform.LabelColumns;
import org.kalkan.security.LabelFilter;
import org.kalkan.security.Subject;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for crises, their teams and attached incidents. Reads for people take the label filter and the team. */
@Repository
public class CrisisStore {

    private final JdbcClient jdbc;

    CrisisStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The label filter of the crisis table aliased {@code c}, narrowed to crises whose team includes the subject. */
    public static LabelFilter onTeam(LabelFilter labels, Subject subject, String alias) {
        Map<String, Object> parameters = new HashMap<>(labels.parameters());
        parameters.put("team_user", subject.username());
        parameters.put("team_nation", subject.nation().value());
        String sql = labels.sql() + " AND (EXISTS (SELECT 1 FROM crisis_team_user tu WHERE tu.crisis_id = " + alias
                + ".id AND tu.username = :team_user) OR EXISTS (SELECT 1 FROM crisis_team_nation tn"
                + " WHERE tn.crisis_id = " + alias + ".id AND tn.nation = :team_nation))";
        return new LabelFilter(sql, parameters);
    }

    public void insert(CrisisId id, String title, SecurityLabel label, NationCode origin, String openedBy,
            Instant now, @Nullable Duration sitrepEvery, @Nullable UUID exercise) {
        CrisisRows.labelled(jdbc.sql("""
                INSERT INTO crisis (id, title, phase, classification, releasable_to, origin_nation, opened_by,
                    opened_at, updated_at, sitrep_every_seconds, next_sitrep_at, exercise_id)
                VALUES (:id, :title, 'INDICATIONS_AND_WARNING', :classification, :releasable, :origin, :by, :now,
                    :now, :every, :next, :exercise)"""), label, origin)
                .param("exercise", exercise)
                .param("id", id.value()).param("title", title).param("by", openedBy)
                .param("now", Timestamp.from(now))
                .param("every", sitrepEvery == null ? null : sitrepEvery.toSeconds())
                .param("next", sitrepEvery == null ? null : Timestamp.from(now.plus(sitrepEvery)))
                .update();
    }

    /** Adds users and nations to the team; returns those that were not on it yet. */
    public CrisisTeam addToTeam(CrisisId id, CrisisTeam team) {
        TreeSet<String> users = new TreeSet<>();
        TreeSet<NationCode> nations = new TreeSet<>();
        for (String user : team.users()) {
            if (jdbc.sql("INSERT INTO crisis_team_user (crisis_id, username) VALUES (:id, :user) ON CONFLICT DO NOTHING")
                    .param("id", id.value()).param("user", user).update() == 1) {
                users.add(user);
            }
        }
        for (NationCode nation : team.nations()) {
            if (jdbc.sql("INSERT INTO crisis_team_nation (crisis_id, nation) VALUES (:id, :nation) ON CONFLICT DO NOTHING")
                    .param("id", id.value()).param("nation", nation.value()).update() == 1) {
                nations.add(nation);
            }
        }
        return new CrisisTeam(users, nations);
    }

    public boolean attach(CrisisId id, IncidentId incident, String by, Instant now) {
        return jdbc.sql("""
                INSERT INTO crisis_incident (crisis_id, incident_id, attached_by, attached_at)
                VALUES (:id, :incident, :by, :now) ON CONFLICT DO NOTHING""")
                .param("id", id.value()).param("incident", incident.value()).param("by", by)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    public Optional<Crisis> find(CrisisId id, LabelFilter visible) {
        return jdbc.sql("SELECT * FROM crisis c WHERE c.id = :id AND " + visible.sql())
                .param("id", id.value()).params(visible.parameters())
                .query(this::crisis).optional();
    }

    /**
     * The crisis row locked for the caller's transaction, whoever may read it (for the system and writes). FOR NO
     * KEY UPDATE serialises changes to one crisis without blocking inserts of rows that merely reference it.
     */
    public Optional<Crisis> lock(CrisisId id) {
        return jdbc.sql("SELECT * FROM crisis c WHERE c.id = :id FOR NO KEY UPDATE").param("id", id.value())
                .query(this::crisis).optional();
    }

    /** The crisis without locking it, whoever may read it (for the system). */
    public Optional<Crisis> get(CrisisId id) {
        return jdbc.sql("SELECT * FROM crisis c WHERE c.id = :id").param("id", id.value())
                .query(this::crisis).optional();
    }

    /** Crises the filter lets through, open ones first, newest first. */
    public List<Crisis> list(LabelFilter visible, int limit) {
        return jdbc.sql("SELECT * FROM crisis c WHERE " + visible.sql()
                        + " ORDER BY (c.phase = 'CLOSED'), c.opened_at DESC, c.id LIMIT :limit")
                .params(visible.parameters()).param("limit", limit)
                .query(this::crisis).list();
    }

    /** Crises with the incident attached (for the system, unfiltered). */
    public List<CrisisId> withIncident(IncidentId incident) {
        return jdbc.sql("SELECT crisis_id FROM crisis_incident WHERE incident_id = :incident ORDER BY crisis_id")
                .param("incident", incident.value())
                .query((rs, i) -> new CrisisId(rs.getObject("crisis_id", UUID.class))).list();
    }

    public void changePhase(CrisisId id, CrisisPhase phase, Instant now) {
        jdbc.sql("""
                UPDATE crisis SET phase = :phase, updated_at = :now, version = version + 1,
                    next_sitrep_at = CASE WHEN :phase = 'CLOSED' THEN NULL ELSE next_sitrep_at END
                WHERE id = :id""")
                .param("phase", phase.name()).param("now", Timestamp.from(now)).param("id", id.value()).update();
    }

    public void schedule(CrisisId id, @Nullable Duration every, @Nullable Instant next, Instant now) {
        jdbc.sql("""
                UPDATE crisis SET sitrep_every_seconds = :every, next_sitrep_at = :next, updated_at = :now,
                    version = version + 1
                WHERE id = :id""")
                .param("every", every == null ? null : every.toSeconds())
                .param("next", CrisisRows.timestamp(next)).param("now", Timestamp.from(now))
                .param("id", id.value()).update();
    }

    /** Open crises whose next scheduled SITREP is due, locked; other nodes skip them meanwhile. */
    public List<CrisisId> sitrepDue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM crisis WHERE next_sitrep_at <= :now AND phase <> 'CLOSED'
                ORDER BY next_sitrep_at LIMIT :limit FOR NO KEY UPDATE SKIP LOCKED""")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, i) -> new CrisisId(rs.getObject("id", UUID.class))).list();
    }

    private Crisis crisis(ResultSet rs, int row) throws SQLException {
        CrisisId id = new CrisisId(rs.getObject("id", UUID.class));
        long every = rs.getLong("sitrep_every_seconds");
        Duration sitrepEvery = rs.wasNull() ? null : Duration.ofSeconds(every);
        return new Crisis(id, rs.getString("title"), CrisisPhase.valueOf(rs.getString("phase")),
                LabelColumns.read(rs), LabelColumns.origin(rs), rs.getString("opened_by"),
                CrisisRows.required(rs, "opened_at"), CrisisRows.required(rs, "updated_at"), sitrepEvery,
                CrisisRows.instant(rs, "next_sitrep_at"), team(id), incidents(id), rs.getInt("version"),
                CrisisRows.exercise(rs), rs.getString("ref"));
    }

    private CrisisTeam team(CrisisId id) {
        List<String> users = jdbc.sql("SELECT username FROM crisis_team_user WHERE crisis_id = :id")
                .param("id", id.value()).query(String.class).list();
        List<NationCode> nations = jdbc.sql("SELECT nation FROM crisis_team_nation WHERE crisis_id = :id")
                .param("id", id.value()).query((rs, i) -> NationCode.of(rs.getString("nation"))).list();
        return CrisisTeam.of(new TreeSet<>(users), new TreeSet<>(nations));
    }

    private List<IncidentId> incidents(CrisisId id) {
        return jdbc.sql("SELECT incident_id FROM crisis_incident WHERE crisis_id = :id ORDER BY attached_at, incident_id")
                .param("id", id.value()).query((rs, i) -> new IncidentId(rs.getObject("incident_id", UUID.class)))
                .list();
    }
}
