package org.kalkan.incident.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.IncidentId;
import org.kalkan.incident.ReportArea;
import org.kalkan.incident.ReportId;
import org.kalkan.platform.LabelColumns;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.NationCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the areas of reports of open incidents, filtered by the label filters of report and incident. */
@Repository
class ReportAreas {

    private static final int LIMIT = 2000;

    private final JdbcClient jdbc;

    ReportAreas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An area with what the final read check needs. */
    public record Row(ReportArea area, NationCode origin, @Nullable UUID exercise) {
    }

    public List<Row> find(LabelFilter reports, LabelFilter incidents, @Nullable IncidentId incident,
            @Nullable Instant from) {
        Map<String, Object> parameters = new HashMap<>(reports.parameters());
        parameters.putAll(incidents.parameters());
        return jdbc.sql("SELECT r.id, r.incident_id, r.area_geojson, r.classification, r.releasable_to, "
                        + "r.origin_nation, r.exercise_id FROM report r JOIN incident i ON i.id = r.incident_id "
                        + "WHERE r.area_geojson IS NOT NULL AND r.withdrawn_at IS NULL AND i.status <> 'CLOSED' AND "
                        + reports.sql() + " AND "
                        + incidents.sql() + (incident == null ? "" : " AND i.id = :incident")
                        + (from == null ? "" : " AND i.last_observed_at >= :from")
                        + " ORDER BY r.observed_at DESC LIMIT " + LIMIT)
                .params(parameters)
                .param("incident", incident == null ? null : incident.value())
                .param("from", from == null ? null : Timestamp.from(from))
                .query((rs, i) -> new Row(new ReportArea(new IncidentId(rs.getObject("incident_id", UUID.class)),
                        new ReportId(rs.getObject("id", UUID.class)), rs.getString("area_geojson"),
                        LabelColumns.read(rs)), NationCode.of(rs.getString("origin_nation")),
                        rs.getObject("exercise_id", UUID.class)))
                .list();
    }
}
