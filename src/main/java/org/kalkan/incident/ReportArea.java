package org.kalkan.incident;

import org.kalkan.shared.SecurityLabel;

/** The area a report was filed with (a GeoJSON geometry, e.g. a CAP polygon), for the map. */
public record ReportArea(IncidentId incidentId, ReportId reportId, String geoJson, SecurityLabel label) {
}
