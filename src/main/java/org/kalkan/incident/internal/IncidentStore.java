package org.kalkan.incident.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.FiledReport;
import org.kalkan.incident.IncidentCategory;
import org.kalkan.incident.IncidentHistoryEntry;
import org.kalkan.incident.IncidentId;
import org.kalkan.incident.IncidentStatus;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.incident.ReportId;
import org.kalkan.platform.LabelColumns;
import org.kalkan.platform.TransactionScope;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.SecurityLabel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * SQL for incidents and reports. Reads for people always take a {@link LabelFilter}; the unfiltered reads and the
 * writes of {@link IncidentRepository} serve {@link Regrouping}. A withdrawn report is read by none of them.
 */
@Repository
public class IncidentStore implements IncidentRepository {

    private static final String ACTIVE = "withdrawn_at IS NULL";

    private final JdbcClient jdbc;
    private final TransactionScope transactions;

    IncidentStore(JdbcClient jdbc, TransactionScope transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Takes the transaction-scoped advisory locks named by these keys, in one fixed order, so no two transactions
     * deadlock; the locks this transaction took already are not asked for again (a batch takes all of its reports'
     * locks at once, before filing them one by one).
     */
    public void lock(Collection<String> keys) {
        HeldLocks held = transactions.get(HeldLocks.class, HeldLocks::new);
        List<String> wanted = keys.stream().filter(k -> held == null || !held.keys.contains(k)).distinct().toList();
        if (wanted.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT hashtext(unnest(CAST(:keys AS TEXT[]))) AS k "
                        + "ORDER BY 1) ordered")
                .param("keys", wanted.toArray(String[]::new)).query().singleRow();
        if (held != null) {
            held.keys.addAll(wanted);
        }
    }

    /** The lock keys the current transaction holds (a REQUIRES_NEW transaction has its own). */
    private static final class HeldLocks implements TransactionSynchronization {

        private final Set<String> keys = new HashSet<>();
    }

    @Override
    public void insertReport(FiledReport r) {
        jdbc.sql("""
                INSERT INTO report (id, incident_id, category, title, narrative, observed_at, lat, lon, area_geojson,
                    severity, confidence, reported_by, source, classification, releasable_to, origin_nation,
                    exercise_id, created_at, origin_node)
                VALUES (:id, :incident, :category, :title, :narrative, :observed, :lat, :lon, :area, :severity,
                    :confidence, :by, :source, :classification, :releasable, :origin, :exercise, :created, :node)""")
                .param("id", r.id().value()).param("incident", r.incidentId().value())
                .param("category", r.category().name()).param("title", r.title()).param("narrative", r.narrative())
                .param("observed", Timestamp.from(r.observedAt())).param("lat", r.location().lat())
                .param("lon", r.location().lon()).param("area", r.areaGeoJson()).param("severity", r.severity())
                .param("confidence", r.confidence().name()).param("by", r.reportedBy()).param("source", r.source())
                .param("classification", LabelColumns.classification(r.label()))
                .param("releasable", LabelColumns.releasableTo(r.label()))
                .param("origin", r.reportingNation().value()).param("exercise", r.exerciseId())
                .param("created", Timestamp.from(r.createdAt())).param("node", r.originNode())
                .update();
    }

    @Override
    public void insertIncident(IncidentId id, Derivation.Derived d, @Nullable UUID exerciseId, Instant now) {
        var insert = jdbc.sql("""
                INSERT INTO incident (id, category, title, status, severity, lat, lon, first_observed_at,
                    last_observed_at, report_count, classification, releasable_to, origin_nation, exercise_id,
                    created_at, updated_at)
                VALUES (:id, :category, :title, 'NEW', :severity, :lat, :lon, :first, :last, :count,
                    :classification, :releasable, NULL, :exercise, :now, :now)""")
                .param("id", id.value()).param("exercise", exerciseId).param("now", Timestamp.from(now));
        derived(insert, d).update();
    }

    @Override
    public List<IncidentSummary> correlationCandidates(IncidentCategory category, @Nullable UUID exerciseId,
            GeoPoint at, Instant observedAt, double radiusKm, Duration window) {
        double dLat = radiusKm / 111.0;
        double dLon = radiusKm / (111.0 * Math.max(0.01, Math.cos(Math.toRadians(at.lat()))));
        // The 50 most recent, locked in id order like every other act that locks several incidents.
        return jdbc.sql("""
                SELECT * FROM incident WHERE id IN (
                    SELECT id FROM incident
                    WHERE category = :category AND status <> 'CLOSED' AND merged_into IS NULL AND report_count > 0
                      AND exercise_id IS NOT DISTINCT FROM :exercise
                      AND last_observed_at >= :from AND first_observed_at <= :to
                      AND point(lon, lat) <@ box(point(:minLon, :minLat), point(:maxLon, :maxLat))
                    ORDER BY last_observed_at DESC
                    LIMIT 50)
                ORDER BY id
                FOR UPDATE""")
                .param("category", category.name()).param("exercise", exerciseId)
                .param("from", Timestamp.from(observedAt.minus(window)))
                .param("to", Timestamp.from(observedAt.plus(window)))
                .param("minLon", at.lon() - dLon).param("maxLon", at.lon() + dLon)
                .param("minLat", at.lat() - dLat).param("maxLat", at.lat() + dLat)
                .query(Rows::incident).list();
    }

    @Override
    public List<FiledReport> activeReports(IncidentId id) {
        return jdbc.sql("SELECT * FROM report WHERE incident_id = :id AND " + ACTIVE + " ORDER BY created_at, id")
                .param("id", id.value()).query(Rows::report).list();
    }

    @Override
    public void saveDerived(IncidentId id, Derivation.Derived d, Instant now) {
        var update = jdbc.sql("""
                UPDATE incident SET category = :category, title = :title, severity = :severity, lat = :lat,
                    lon = :lon, first_observed_at = :first, last_observed_at = :last, report_count = :count,
                    classification = :classification, releasable_to = :releasable, updated_at = :now,
                    version = version + 1
                WHERE id = :id""")
                .param("id", id.value()).param("now", Timestamp.from(now));
        derived(update, d).update();
    }

    /** Binds the derived fields of an incident to the statement's parameters of the same names. */
    private static JdbcClient.StatementSpec derived(JdbcClient.StatementSpec statement, Derivation.Derived d) {
        return statement.param("category", d.category().name()).param("title", d.title())
                .param("severity", d.severity()).param("lat", d.location().lat()).param("lon", d.location().lon())
                .param("first", Timestamp.from(d.firstObservedAt())).param("last", Timestamp.from(d.lastObservedAt()))
                .param("count", d.reportCount())
                .param("classification", LabelColumns.classification(d.label()))
                .param("releasable", LabelColumns.releasableTo(d.label()));
    }

    @Override
    public void empty(IncidentId id, @Nullable IncidentId mergedInto, Instant now) {
        jdbc.sql("""
                UPDATE incident SET status = 'CLOSED', merged_into = COALESCE(CAST(:into AS UUID), merged_into), title = '',
                    severity = 1, lat = 0, lon = 0, first_observed_at = created_at, last_observed_at = created_at,
                    report_count = 0, updated_at = :now, version = version + 1
                WHERE id = :id""")
                .param("id", id.value()).param("into", mergedInto == null ? null : mergedInto.value())
                .param("now", Timestamp.from(now)).update();
    }

    @Override
    public Optional<IncidentSummary> lockIncident(IncidentId id) {
        return jdbc.sql("SELECT * FROM incident WHERE id = :id FOR UPDATE").param("id", id.value())
                .query(Rows::incident).optional();
    }

    @Override
    public Optional<FiledReport> lockReport(ReportId id) {
        return jdbc.sql("SELECT * FROM report WHERE id = :id AND " + ACTIVE + " FOR UPDATE").param("id", id.value())
                .query(Rows::report).optional();
    }

    @Override
    public void moveReport(ReportId report, IncidentId to) {
        jdbc.sql("UPDATE report SET incident_id = :to WHERE id = :id")
                .param("to", to.value()).param("id", report.value()).update();
    }

    @Override
    public void relabelReport(ReportId report, SecurityLabel label) {
        jdbc.sql("UPDATE report SET classification = :classification, releasable_to = :releasable WHERE id = :id")
                .param("classification", LabelColumns.classification(label))
                .param("releasable", LabelColumns.releasableTo(label)).param("id", report.value()).update();
    }

    @Override
    public void updateReport(FiledReport r) {
        jdbc.sql("""
                UPDATE report SET category = :category, title = :title, narrative = :narrative, observed_at = :observed,
                    lat = :lat, lon = :lon, area_geojson = :area, severity = :severity, confidence = :confidence,
                    classification = :classification, releasable_to = :releasable
                WHERE id = :id AND withdrawn_at IS NULL""")
                .param("category", r.category().name()).param("title", r.title()).param("narrative", r.narrative())
                .param("observed", Timestamp.from(r.observedAt())).param("lat", r.location().lat())
                .param("lon", r.location().lon()).param("area", r.areaGeoJson()).param("severity", r.severity())
                .param("confidence", r.confidence().name())
                .param("classification", LabelColumns.classification(r.label()))
                .param("releasable", LabelColumns.releasableTo(r.label())).param("id", r.id().value())
                .update();
    }

    @Override
    public void withdrawReport(ReportId report, String by, String reason, Instant now) {
        jdbc.sql("""
                UPDATE report SET withdrawn_at = :now, withdrawn_by = :by, withdrawal_reason = :reason
                WHERE id = :id AND withdrawn_at IS NULL""")
                .param("now", Timestamp.from(now)).param("by", by).param("reason", reason)
                .param("id", report.value()).update();
    }

    @Override
    public Optional<FiledReport> lockAnyReport(ReportId id) {
        return jdbc.sql("SELECT * FROM report WHERE id = :id FOR UPDATE").param("id", id.value())
                .query(Rows::report).optional();
    }

    /** Whether the report exists and was withdrawn (a tombstone). */
    public boolean withdrawn(ReportId id) {
        return jdbc.sql("SELECT count(*) FROM report WHERE id = :id AND withdrawn_at IS NOT NULL")
                .param("id", id.value()).query(Long.class).single() > 0;
    }

    @Override
    public void deleteReport(ReportId report) {
        jdbc.sql("DELETE FROM report WHERE id = :id").param("id", report.value()).update();
    }

    /** The incident if the filter lets it through. */
    public Optional<IncidentSummary> find(IncidentId id, LabelFilter filter) {
        return jdbc.sql("SELECT * FROM incident i WHERE i.id = :id AND " + filter.sql())
                .param("id", id.value()).params(filter.parameters())
                .query(Rows::incident).optional();
    }

    /** The incident's reports the filter lets through, never withdrawn ones. */
    public List<FiledReport> reports(IncidentId id, LabelFilter filter) {
        return jdbc.sql("SELECT * FROM report r WHERE r.incident_id = :id AND r." + ACTIVE + " AND " + filter.sql()
                        + " ORDER BY r.observed_at, r.id")
                .param("id", id.value()).params(filter.parameters())
                .query(Rows::report).list();
    }

    /** The report if the filter lets it through and it was not withdrawn. */
    public Optional<FiledReport> report(ReportId id, LabelFilter filter) {
        return jdbc.sql("SELECT * FROM report r WHERE r.id = :id AND r." + ACTIVE + " AND " + filter.sql())
                .param("id", id.value()).params(filter.parameters())
                .query(Rows::report).optional();
    }

    /** Changes the status if the version still matches (optimistic locking); false when someone was faster. */
    public boolean updateStatus(IncidentId id, IncidentStatus status, int expectedVersion, Instant now) {
        return jdbc.sql("""
                UPDATE incident SET status = :status, updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("status", status.name()).param("id", id.value()).param("version", expectedVersion)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    /** Records what happened to the incident (in the caller's transaction). */
    public void addHistory(IncidentId incident, Instant at, String actor, IncidentHistoryEntry.Kind kind,
            String detail, @Nullable IncidentId other) {
        jdbc.sql("""
                INSERT INTO incident_history (incident_id, at, actor, kind, detail, other_incident_id)
                VALUES (:incident, :at, :actor, :kind, :detail, :other)""")
                .param("incident", incident.value()).param("at", Timestamp.from(at)).param("actor", actor)
                .param("kind", kind.name()).param("detail", detail)
                .param("other", other == null ? null : other.value()).update();
    }

    /** The incident's history, oldest first; other incidents by id only (the caller names those its reader may read). */
    public List<IncidentHistoryEntry> history(IncidentId incident) {
        return jdbc.sql("""
                SELECT at, actor, kind, detail, other_incident_id FROM incident_history
                WHERE incident_id = :incident ORDER BY at, id""")
                .param("incident", incident.value())
                .query((rs, i) -> {
                    UUID other = rs.getObject("other_incident_id", UUID.class);
                    return new IncidentHistoryEntry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                            IncidentHistoryEntry.Kind.valueOf(rs.getString("kind")), rs.getString("detail"),
                            other == null ? null : new IncidentId(other), null);
                }).list();
    }

    /** The incident this one was merged into, if it was. */
    public Optional<IncidentId> mergedInto(IncidentId incident) {
        return jdbc.sql("SELECT merged_into FROM incident WHERE id = :id AND merged_into IS NOT NULL")
                .param("id", incident.value()).query((rs, i) -> new IncidentId(rs.getObject(1, UUID.class)))
                .optional();
    }

    /** Newest first, keyset-paginated on (last_observed_at, id). */
    public List<IncidentSummary> search(SearchSql search) {
        return jdbc.sql(search.sql()).params(search.parameters()).query(Rows::incident).list();
    }

    /** A prepared search statement. */
    public record SearchSql(String sql, java.util.Map<String, Object> parameters) {
    }
}
