package org.kalkan.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.Classification;
import org.kalkan.shared.InvalidInputException.Violation;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** A course of the catalogue, as stored. */
public record Course(CourseId id, String code, String title, List<String> objectives, NationCode deliveringNation,
        @Nullable String institution, String language, @Nullable Integer durationDays,
        Classification minimumClearance, Prerequisites prerequisites, @Nullable Grant grants, SecurityLabel label,
        NationCode originNation, Instant updatedAt, int version) {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");

    public Course {
        objectives = List.copyOf(objectives);
    }

    /** A training objective of a course: {@code EOD-201.1} and its text. */
    public record Objective(String code, String text) {
    }

    public List<Objective> trainingObjectives() {
        List<Objective> list = new ArrayList<>();
        for (int i = 0; i < objectives.size(); i++) {
            list.add(new Objective(code + "." + (i + 1), objectives.get(i)));
        }
        return list;
    }

    /**
     * Why the candidate may not be nominated: clearance below the course's minimum, and each unmet prerequisite.
     * Empty when the candidate qualifies.
     */
    public List<Violation> refusals(Candidate candidate) {
        List<Violation> refusals = new ArrayList<>();
        if (!candidate.clearance().dominates(minimumClearance)) {
            refusals.add(new Violation("minimumClearance", "clearance " + candidate.clearance() + " is below "
                    + minimumClearance));
        }
        refusals.addAll(prerequisites.unmetBy(candidate));
        return refusals;
    }

    /** A course or qualification code: upper-case letters, digits and hyphens, e.g. {@code EOD-201}. */
    public static String code(@Nullable String code, String field) {
        String checked = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(checked).matches()) {
            throw new IllegalArgumentException(field + " must be a code of 2 to 32 letters, digits and hyphens, e.g. "
                    + "EOD-201; was '" + code + "'");
        }
        return checked;
    }
}
