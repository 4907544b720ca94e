package org.kalkan.training;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * A course as the training coordinator writes it. Optional parts: objectives (each becomes the training objective
 * {@code <code>.<n>} that exercises may name), the institution, the duration, the qualification it grants.
 */
public record CourseDraft(String code, String title, List<String> objectives, NationCode deliveringNation,
        @Nullable String institution, String language, @Nullable Integer durationDays,
        Classification minimumClearance, Prerequisites prerequisites, @Nullable Grant grants, SecurityLabel label) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 1000;

    public CourseDraft {
        code = Course.code(code, "code");
        if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE) {
            throw new IllegalArgumentException("title is required, at most " + MAX_TITLE + " characters");
        }
        title = title.strip();
        objectives = objectives == null ? List.of() : objectives.stream().map(o -> {
            if (o == null || o.isBlank() || o.length() > MAX_TEXT) {
                throw new IllegalArgumentException("objectives has an empty entry or one longer than " + MAX_TEXT);
            }
            return o.strip();
        }).toList();
        if (objectives.size() > 50) {
            throw new IllegalArgumentException("objectives has more than 50 entries");
        }
        if (deliveringNation == null) {
            throw new IllegalArgumentException("deliveringNation is required");
        }
        institution = institution == null || institution.isBlank() ? null : institution.strip();
        if (institution != null && institution.length() > MAX_TITLE) {
            throw new IllegalArgumentException("institution is at most " + MAX_TITLE + " characters");
        }
        language = new LanguageProfile(language, "0000").language();
        if (durationDays != null && (durationDays < 1 || durationDays > 730)) {
            throw new IllegalArgumentException("durationDays must be between 1 and 730");
        }
        if (minimumClearance == null) {
            throw new IllegalArgumentException("minimumClearance is required: UNCLASSIFIED, RESTRICTED, CONFIDENTIAL "
                    + "or SECRET");
        }
        prerequisites = prerequisites == null ? Prerequisites.none() : prerequisites;
        if (prerequisites.courses().contains(code)) {
            throw new IllegalArgumentException("prerequisites.courses: a course cannot require itself");
        }
        if (label == null) {
            throw new IllegalArgumentException("label is required: {\"classification\":…,\"releasableTo\":[…]}");
        }
    }
}
