package org.kalkan.interop.taxii;

import java.util.Optional;
import org.kalkan.incident.FiledReport;
import org.kalkan.security.Subject;
import org.kalkan.shared.GeoPoint;

/**
 * A STIX sighting or indicator with a location becomes a cyberattack report in one action of a watch officer,
 * through the incident module's own API (so it correlates into an incident like any report). The location is a
 * STIX {@code location} the sighting was seen at ({@code where_sighted_refs}) or that the object is related to;
 * the report carries the most restrictive of the object's and the location's labels.
 */
public interface IntelReports {

    /** A located object that may become a report, if the object is a sighting or an indicator with a location. */
    record Located(StixEntry object, StixEntry location, GeoPoint point) {
    }

    /** The location of a sighting or indicator, among the objects the caller may read. */
    Optional<Located> located(Subject caller, StixEntry object);

    /** Files the report; refused when the object has no location the watch officer may read. */
    FiledReport report(Subject watchOfficer, String stixId);
}
