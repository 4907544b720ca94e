package org.kalkan.crisis.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.crisis.CrisisId;
import org.kalkan.crisis.CrisisPhase;
import org.kalkan.crisis.Sitrep;
import org.kalkan.crisis.SitrepSections;
import org.kalkan.platform.LabelColumns;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for SITREPs. Only drafts are updated; the database refuses any change to an issued SITREP. */
@Repository
public class SitrepStore {

    private final JdbcClient jdbc;

    SitrepStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the crisis; call with the crisis row locked. */
    public int nextNumber(CrisisId crisis) {
        return jdbc.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM crisis_sitrep WHERE crisis_id = :crisis")
                .param("crisis", crisis.value()).query(Integer.class).single();
    }

    /**
     * Where the previous SITREP that the filter (alias {@code s}) lets through ended (any status), if there is one:
     * a SITREP its author cannot read neither shortens nor reveals anything of theirs.
     */
    public Optional<Instant> lastPeriodEnd(CrisisId crisis, LabelFilter filter) {
        return jdbc.sql("SELECT MAX(s.period_to) AS last FROM crisis_sitrep s WHERE s.crisis_id = :crisis AND "
                        + filter.sql())
                .param("crisis", crisis.value()).params(filter.parameters())
                .query((rs, i) -> Optional.ofNullable(CrisisRows.instant(rs, "last"))).optional().flatMap(o -> o);
    }

    /**
     * The SITREP that is the {@code visible}-th (1, 2, 3 …) of the crisis among those the filter (alias {@code s})
     * lets through, with its stored number: a reader numbers only the SITREPs they may see.
     */
    public Optional<Sitrep> findVisible(CrisisId crisis, int visible, LabelFilter filter) {
        return jdbc.sql("SELECT * FROM (SELECT s.*, row_number() OVER (ORDER BY s.number) AS visible "
                        + "FROM crisis_sitrep s WHERE s.crisis_id = :crisis AND " + filter.sql() + ") v "
                        + "WHERE v.visible = :visible")
                .param("crisis", crisis.value()).param("visible", visible).params(filter.parameters())
                .query(SitrepStore::sitrep).optional();
    }

    /** The position of the SITREP stored as {@code number} among those of its crisis the filter lets through. */
    public int visibleNumber(CrisisId crisis, int number, LabelFilter filter) {
        return jdbc.sql("SELECT count(*) FROM crisis_sitrep s WHERE s.crisis_id = :crisis AND s.number <= :number "
                        + "AND " + filter.sql())
                .param("crisis", crisis.value()).param("number", number).params(filter.parameters())
                .query(Integer.class).single();
    }

    /** The number of a draft of the crisis that the filter (alias {@code s}) lets through, if there is one. */
    public Optional<Integer> draftNumber(CrisisId crisis, LabelFilter filter) {
        return jdbc.sql("SELECT s.number FROM crisis_sitrep s WHERE s.crisis_id = :crisis AND s.status = 'DRAFT' AND "
                        + filter.sql() + " ORDER BY s.number LIMIT 1")
                .param("crisis", crisis.value()).params(filter.parameters()).query(Integer.class).optional();
    }

    public Optional<Integer> draftNumber(CrisisId crisis) {
        return jdbc.sql("SELECT number FROM crisis_sitrep WHERE crisis_id = :crisis AND status = 'DRAFT' LIMIT 1")
                .param("crisis", crisis.value()).query(Integer.class).optional();
    }

    public void insert(CrisisId crisis, int number, Instant from, Instant to, CrisisPhase phase,
            SitrepSections sections, String by, SecurityLabel label, NationCode origin) {
        CrisisRows.labelled(jdbc.sql("""
                INSERT INTO crisis_sitrep (crisis_id, number, status, period_from, period_to, phase, situation,
                    incidents, tasks, rfis, decisions, outlook, created_by, created_at, updated_at, classification,
                    releasable_to, origin_nation, exercise_id)
                VALUES (:crisis, :number, 'DRAFT', :from, :to, :phase, :situation, :incidents, :tasks, :rfis,
                    :decisions, :outlook, :by, :to, :to, :classification, :releasable, :origin,
                    (SELECT exercise_id FROM crisis WHERE id = :crisis))"""), label, origin)
                .param("crisis", crisis.value()).param("number", number).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).param("phase", phase.name())
                .param("situation", sections.situation()).param("incidents", sections.incidents())
                .param("tasks", sections.tasks()).param("rfis", sections.rfis())
                .param("decisions", sections.decisions()).param("outlook", sections.outlook()).param("by", by)
                .update();
    }

    public List<Sitrep> list(CrisisId crisis, LabelFilter filter) {
        return jdbc.sql("SELECT * FROM crisis_sitrep s WHERE s.crisis_id = :crisis AND " + filter.sql()
                        + " ORDER BY s.number")
                .param("crisis", crisis.value()).params(filter.parameters()).query(SitrepStore::sitrep).list();
    }

    public Optional<Sitrep> find(CrisisId crisis, int number) {
        return jdbc.sql("SELECT * FROM crisis_sitrep s WHERE s.crisis_id = :crisis AND s.number = :number")
                .param("crisis", crisis.value()).param("number", number).query(SitrepStore::sitrep).optional();
    }

    /** A draft prepared again: new sections covering up to {@code to}; false if issued or changed meanwhile. */
    public boolean refresh(CrisisId crisis, int number, SitrepSections sections, Instant to, int version) {
        return replace(crisis, number, sections, to, to, version);
    }

    /** Replaces a draft's sections if the version matches; false if issued meanwhile or changed by someone else. */
    public boolean edit(CrisisId crisis, int number, SitrepSections sections, int version, Instant now) {
        return replace(crisis, number, sections, null, now, version);
    }

    private boolean replace(CrisisId crisis, int number, SitrepSections sections, @Nullable Instant periodTo,
            Instant now, int version) {
        return jdbc.sql("""
                UPDATE crisis_sitrep SET situation = :situation, incidents = :incidents, tasks = :tasks,
                    rfis = :rfis, decisions = :decisions, outlook = :outlook, updated_at = :now,
                    period_to = COALESCE(CAST(:to AS TIMESTAMPTZ), period_to), version = version + 1
                WHERE crisis_id = :crisis AND number = :number AND status = 'DRAFT' AND version = :version""")
                .param("situation", sections.situation()).param("incidents", sections.incidents())
                .param("tasks", sections.tasks()).param("rfis", sections.rfis())
                .param("decisions", sections.decisions()).param("outlook", sections.outlook())
                .param("now", Timestamp.from(now)).param("to", periodTo == null ? null : Timestamp.from(periodTo))
                .param("crisis", crisis.value()).param("number", number).param("version", version).update() == 1;
    }

    public boolean issue(CrisisId crisis, int number, String by, Instant now) {
        return jdbc.sql("""
                UPDATE crisis_sitrep SET status = 'ISSUED', issued_by = :by, issued_at = :now, updated_at = :now,
                    version = version + 1
                WHERE crisis_id = :crisis AND number = :number AND status = 'DRAFT'""")
                .param("by", by).param("now", Timestamp.from(now)).param("crisis", crisis.value())
                .param("number", number).update() == 1;
    }

    private static Sitrep sitrep(ResultSet rs, int row) throws SQLException {
        return new Sitrep(new CrisisId(rs.getObject("crisis_id", UUID.class)), rs.getInt("number"),
                Sitrep.Status.valueOf(rs.getString("status")), CrisisRows.required(rs, "period_from"),
                CrisisRows.required(rs, "period_to"), CrisisPhase.valueOf(rs.getString("phase")),
                new SitrepSections(rs.getString("situation"), rs.getString("incidents"), rs.getString("tasks"),
                        rs.getString("rfis"), rs.getString("decisions"), rs.getString("outlook")),
                rs.getString("created_by"), CrisisRows.required(rs, "created_at"),
                CrisisRows.required(rs, "updated_at"), rs.getString("issued_by"), CrisisRows.instant(rs, "issued_at"),
                LabelColumns.read(rs), LabelColumns.origin(rs), rs.getInt("version"), CrisisRows.exercise(rs));
    }
}
