package org.kalkan.interop.ogc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.IncidentId;
import org.kalkan.incident.IncidentPage;
import org.kalkan.incident.IncidentQuery;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.incident.Incidents;
import org.kalkan.platform.Problems;
import org.kalkan.security.Subject;
import org.springframework.stereotype.Component;

/**
 * The {@code incidents} collection through {@link Incidents}, filtered by the policy: real-world incidents, or those of
 * the one exercise the request names ({@code ?exercise=}, ADR 0006), never both.
 */
@Component
class IncidentFeatures implements FeatureSource {

    private final Incidents incidents;

    IncidentFeatures(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public String id() {
        return "incidents";
    }

    @Override
    public String title() {
        return "Incidents";
    }

    @Override
    public String description() {
        return "Correlated incidents of the common operational picture, newest first: real world, or with"
                + " ?exercise={id} those of that exercise; only those the caller is cleared and released to read.";
    }

    @Override
    public Page items(Subject subject, FeatureQuery query) {
        IncidentPage page = incidents.search(subject, new IncidentQuery(query.bbox(), query.from(), query.to(), null,
                null, Math.min(query.limit(), IncidentQuery.MAX_LIMIT), query.cursor()));
        return new Page(page.items().stream().map(IncidentFeatures::feature).toList(), page.next());
    }

    @Override
    public Feature item(Subject subject, String featureId) {
        UUID id;
        try {
            id = UUID.fromString(featureId);
        } catch (IllegalArgumentException e) {
            throw notFound(featureId);
        }
        IncidentSummary incident = incidents.find(subject, new IncidentId(id));
        if (!java.util.Objects.equals(incident.exerciseId(), subject.exercise())) {
            throw notFound(featureId); // the policy already refused it; a second lock on the same door
        }
        if (incident.reportCount() == 0) {
            throw notFound(featureId); // merged, split out or withdrawn: no longer a feature of the picture
        }
        return feature(incident);
    }

    static Feature feature(IncidentSummary i) {
        Map<String, @Nullable Object> properties = new LinkedHashMap<>();
        properties.put("category", i.category().name());
        properties.put("title", i.title());
        properties.put("status", i.status().name());
        properties.put("severity", i.severity());
        properties.put("firstObservedAt", i.firstObservedAt().toString());
        properties.put("lastObservedAt", i.lastObservedAt().toString());
        properties.put("reportCount", i.reportCount());
        properties.put("classification", i.label().classification().name());
        properties.put("releasableTo", List.copyOf(i.label().releasableTo()));
        properties.put("marking", i.label().marking());
        properties.put("sidc", i.sidc());
        properties.put("mgrs", i.location().mgrs());
        properties.put("exercise", i.exerciseId() == null ? null : i.exerciseId().toString());
        return new Feature(i.id().toString(), i.location().lon(), i.location().lat(), properties);
    }

    private static RuntimeException notFound(String featureId) {
        return Problems.notFound("No incident " + featureId + " that you may read.");
    }
}
