package org.kalkan.incident.internal;

import java.sql.Timestamp;
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
import org.kalkan.incident.IncidentId;
import org.kalkan.incident.IncidentStatus;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.platform.TransactionScope;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.SecurityLabel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;

/** SQL for incidents and reports. Reads for people always take a {@link LabelFilter}. */
@Repository
public class IncidentStore {

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

    public void insertReport(FiledReport r) {
        jdbc.sql("""
                INSERT INTO report (id, incident_id, category, title, narrative, observed_at, lat, lon, area_geojson,
                    severity, confidence, reported_by, source, classification, releasable_to, origin_nation,
                    exercise_id, created_at)
                VALUES (:id, :incident, :category, :title, :narrative, :observed, :lat, :lon, :area, :severity,
                    :confidence, :by, :source, :classification, :releasable, :origin, :exercise, :created)""")
                .param("id", r.id().value()).param("incident", r.incidentId().value())
                .param("category", r.category().name()).param("title", r.title()).param("narrative", r.narrative())
                .param("observed", Timestamp.from(r.observedAt())).param("lat", r.location().lat())
                .param("lon", r.location().lon()).param("area", r.areaGeoJson()).param("severity", r.severity())
                .param("confidence", r.confidence().name()).param("by", r.reportedBy()).param("source", r.source())
                .param("classification", r.label().classification().rank())
                .param("releasable", r.label().releasableTo().toArray(String[]::new))
                .param("origin", r.reportingNation().value()).param("exercise", r.exerciseId())
                .param("created", Timestamp.from(r.createdAt()))
                .update();
    }

    public void insertIncident(IncidentId id, IncidentCategory category, String title, int severity, GeoPoint at,
            Instant observedAt, SecurityLabel label, @Nullable UUID exerciseId, Instant now) {
        jdbc.sql("""
                INSERT INTO incident (id, category, title, status, severity, lat, lon, first_observed_at,
                    last_observed_at, report_count, classification, releasable_to, origin_nation, exercise_id,
                    created_at, updated_at)
                VALUES (:id, :category, :title, 'NEW', :severity, :lat, :lon, :observed, :observed, 0,
                    :classification, :releasable, NULL, :exercise, :now, :now)""")
                .param("id", id.value()).param("category", category.name()).param("title", title)
                .param("severity", severity).param("lat", at.lat()).param("lon", at.lon())
                .param("observed", Timestamp.from(observedAt))
                .param("classification", label.classification().rank())
                .param("releasable", label.releasableTo().toArray(String[]::new))
                .param("exercise", exerciseId).param("now", Timestamp.from(now))
                .update();
    }

    /** Open incidents of the category near the point and time, locked for the caller's transaction. */
    public List<IncidentSummary> correlationCandidates(IncidentCategory category, @Nullable UUID exerciseId,
            GeoPoint at, Instant observedAt, double radiusKm, java.time.Duration window) {
        double dLat = radiusKm / 111.0;
        double dLon = radiusKm / (111.0 * Math.max(0.01, Math.cos(Math.toRadians(at.lat()))));
        return jdbc.sql("""
                SELECT * FROM incident
                WHERE category = :category AND status <> 'CLOSED' AND merged_into IS NULL
                  AND exercise_id IS NOT DISTINCT FROM :exercise
                  AND last_observed_at >= :from AND first_observed_at <= :to
                  AND point(lon, lat) <@ box(point(:minLon, :minLat), point(:maxLon, :maxLat))
                ORDER BY last_observed_at DESC
                LIMIT 50
                FOR UPDATE""")
                .param("category", category.name()).param("exercise", exerciseId)
                .param("from", Timestamp.from(observedAt.minus(window)))
                .param("to", Timestamp.from(observedAt.plus(window)))
                .param("minLon", at.lon() - dLon).param("maxLon", at.lon() + dLon)
                .param("minLat", at.lat() - dLat).param("maxLat", at.lat() + dLat)
                .query(Rows::incident).list();
    }

    /** Re-derives an incident's aggregates and label from its reports; returns the report labels. */
    public List<LabelCombiner.Labelled> reportLabels(IncidentId id) {
        return jdbc.sql("SELECT classification, releasable_to, origin_nation FROM report WHERE incident_id = :id")
                .param("id", id.value())
                .query((rs, i) -> new LabelCombiner.Labelled(Rows.label(rs),
                        org.kalkan.shared.NationCode.of(rs.getString("origin_nation"))))
                .list();
    }

    public void refreshAggregates(IncidentId id, SecurityLabel label, Instant now) {
        jdbc.sql("""
                UPDATE incident i SET
                    report_count = a.n, severity = a.severity, lat = a.lat, lon = a.lon,
                    first_observed_at = a.first, last_observed_at = a.last,
                    classification = :classification, releasable_to = :releasable,
                    updated_at = :now, version = i.version + 1
                FROM (SELECT count(*) AS n, max(severity) AS severity, avg(lat) AS lat, avg(lon) AS lon,
                             min(observed_at) AS first, max(observed_at) AS last
                      FROM report WHERE incident_id = :id) a
                WHERE i.id = :id AND a.n > 0""")
                .param("id", id.value()).param("classification", label.classification().rank())
                .param("releasable", label.releasableTo().toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** An incident left without reports is closed, keeping its last label. */
    public void closeEmpty(IncidentId id, Instant now) {
        jdbc.sql("""
                UPDATE incident SET status = 'CLOSED', report_count = 0, updated_at = :now, version = version + 1
                WHERE id = :id""")
                .param("id", id.value()).param("now", Timestamp.from(now)).update();
    }

    public Optional<IncidentSummary> findForUpdate(IncidentId id) {
        return jdbc.sql("SELECT * FROM incident WHERE id = :id FOR UPDATE").param("id", id.value())
                .query(Rows::incident).optional();
    }

    public Optional<IncidentSummary> find(IncidentId id, LabelFilter filter) {
        return jdbc.sql("SELECT * FROM incident i WHERE i.id = :id AND " + filter.sql())
                .param("id", id.value()).params(filter.parameters())
                .query(Rows::incident).optional();
    }

    public Optional<@Nullable UUID> mergedInto(IncidentId id) {
        return jdbc.sql("SELECT merged_into FROM incident WHERE id = :id").param("id", id.value())
                .query((rs, i) -> rs.getObject("merged_into", UUID.class)).optional();
    }

    public List<FiledReport> reports(IncidentId id, LabelFilter filter) {
        return jdbc.sql("SELECT * FROM report r WHERE r.incident_id = :id AND " + filter.sql()
                        + " ORDER BY r.observed_at, r.id")
                .param("id", id.value()).params(filter.parameters())
                .query(Rows::report).list();
    }

    public Optional<FiledReport> report(UUID reportId) {
        return jdbc.sql("SELECT * FROM report WHERE id = :id FOR UPDATE").param("id", reportId)
                .query(Rows::report).optional();
    }

    public void moveReport(UUID reportId, IncidentId to) {
        jdbc.sql("UPDATE report SET incident_id = :to WHERE id = :id")
                .param("to", to.value()).param("id", reportId).update();
    }

    public void moveAllReports(IncidentId from, IncidentId to) {
        jdbc.sql("UPDATE report SET incident_id = :to WHERE incident_id = :from")
                .param("to", to.value()).param("from", from.value()).update();
    }

    public void markMerged(IncidentId from, IncidentId into, Instant now) {
        jdbc.sql("""
                UPDATE incident SET merged_into = :into, status = 'CLOSED', report_count = 0, updated_at = :now,
                       version = version + 1
                WHERE id = :id""")
                .param("into", into.value()).param("id", from.value()).param("now", Timestamp.from(now)).update();
    }

    /** Changes the status if the version still matches (optimistic locking); false when someone was faster. */
    public boolean updateStatus(IncidentId id, IncidentStatus status, int expectedVersion, Instant now) {
        return jdbc.sql("""
                UPDATE incident SET status = :status, updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("status", status.name()).param("id", id.value()).param("version", expectedVersion)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    /** Newest first, keyset-paginated on (last_observed_at, id). */
    public List<IncidentSummary> search(SearchSql search) {
        return jdbc.sql(search.sql()).params(search.parameters()).query(Rows::incident).list();
    }

    /** A prepared search statement. */
    public record SearchSql(String sql, java.util.Map<String, Object> parameters) {
    }

}
