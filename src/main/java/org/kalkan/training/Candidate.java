package org.kalkan.training;

import java.util.List;
import java.util.Set;
import org.kalkan.shared.Classification;

/**
 * What the nomination rules need to know about a person on the day of a session: clearance, language profiles,
 * the courses they have passed or completed, and the qualifications they hold valid on that day.
 */
public record Candidate(Classification clearance, List<LanguageProfile> languages, Set<String> completedCourses,
        Set<String> validQualifications) {

    public Candidate {
        languages = List.copyOf(languages);
        completedCourses = Set.copyOf(completedCourses);
        validQualifications = Set.copyOf(validQualifications);
    }
}
