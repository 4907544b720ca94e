package org.kalkan.training;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.InvalidInputException.Violation;

/**
 * What a person needs before a course: courses passed or completed, qualifications valid at the start, and a
 * STANAG 6001 language profile at least as high in every skill.
 */
public record Prerequisites(List<String> courses, List<String> qualifications, @Nullable LanguageProfile language) {

    public Prerequisites {
        courses = courses == null ? List.of() : codes(courses, "prerequisites.courses");
        qualifications = qualifications == null ? List.of() : codes(qualifications, "prerequisites.qualifications");
    }

    public static Prerequisites none() {
        return new Prerequisites(List.of(), List.of(), null);
    }

    /** Each prerequisite the candidate does not meet, named; empty when every one is met. */
    public List<Violation> unmetBy(Candidate candidate) {
        List<Violation> unmet = new ArrayList<>();
        for (String course : courses) {
            if (!candidate.completedCourses().contains(course)) {
                unmet.add(new Violation("prerequisites.courses", "course " + course + " not completed"));
            }
        }
        for (String qualification : qualifications) {
            if (!candidate.validQualifications().contains(qualification)) {
                unmet.add(new Violation("prerequisites.qualifications", "qualification " + qualification
                        + " not held or not valid at the start of the session"));
            }
        }
        if (language != null) {
            List<String> best = null;
            for (LanguageProfile held : candidate.languages()) {
                List<String> shortfalls = held.shortfalls(language);
                if (best == null || shortfalls.size() < best.size()) {
                    best = shortfalls;
                }
            }
            if (best == null) {
                best = List.of("no " + language.language() + " profile");
            }
            if (!best.isEmpty()) {
                unmet.add(new Violation("prerequisites.language", "language " + language + " required: "
                        + String.join(", ", best)));
            }
        }
        return unmet;
    }

    static List<String> codes(List<String> codes, String field) {
        List<String> checked = new ArrayList<>();
        for (String code : codes) {
            checked.add(Course.code(code, field));
        }
        return List.copyOf(checked.stream().distinct().toList());
    }
}
