package org.kalkan.incident.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.kalkan.incident.Confidence;
import org.kalkan.incident.FiledReport;
import org.kalkan.incident.IncidentCategory;
import org.kalkan.incident.IncidentId;
import org.kalkan.incident.IncidentStatus;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.incident.ReportId;
import org.kalkan.platform.LabelColumns;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.NationCode;

/** Maps rows of the incident and report tables. */
final class Rows {

    private Rows() {
    }

    static IncidentSummary incident(ResultSet rs, int row) throws SQLException {
        return new IncidentSummary(new IncidentId(rs.getObject("id", UUID.class)),
                IncidentCategory.valueOf(rs.getString("category")), rs.getString("title"),
                IncidentStatus.valueOf(rs.getString("status")), rs.getInt("severity"),
                new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon")),
                rs.getTimestamp("first_observed_at").toInstant(), rs.getTimestamp("last_observed_at").toInstant(),
                rs.getInt("report_count"), LabelColumns.read(rs), rs.getObject("exercise_id", UUID.class),
                rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(), rs.getString("ref"));
    }

    static FiledReport report(ResultSet rs, int row) throws SQLException {
        return new FiledReport(new ReportId(rs.getObject("id", UUID.class)),
                new IncidentId(rs.getObject("incident_id", UUID.class)),
                IncidentCategory.valueOf(rs.getString("category")), rs.getString("title"), rs.getString("narrative"),
                rs.getTimestamp("observed_at").toInstant(), new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon")),
                rs.getString("area_geojson"), rs.getInt("severity"), Confidence.valueOf(rs.getString("confidence")),
                NationCode.of(rs.getString("origin_nation")), rs.getString("reported_by"), rs.getString("source"),
                LabelColumns.read(rs), rs.getObject("exercise_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                rs.getString("origin_node"));
    }

}
