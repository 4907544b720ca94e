package org.kalkan.training;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.UnitId;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * A person's training record as their nation's training manager enters it. {@code rank} is a NATO rank code
 * (STANAG 2116: {@code OF-1}…{@code OF-10}, {@code OR-1}…{@code OR-9}, {@code WO-1}…{@code WO-5}).
 */
public record PersonDraft(String serviceNumber, String name, String rank, NationCode nation, @Nullable UnitId unit,
        Classification clearance, List<LanguageProfile> languages, SecurityLabel label) {

    private static final Pattern RANK = Pattern.compile("OF-(?:[1-9]|10|D)|OR-[1-9]|WO-[1-5]");

    public PersonDraft {
        if (serviceNumber == null || !serviceNumber.strip().matches("[A-Za-z0-9/-]{1,40}")) {
            throw new IllegalArgumentException("serviceNumber is required: 1 to 40 letters, digits, '-' or '/'");
        }
        serviceNumber = serviceNumber.strip();
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new IllegalArgumentException("name is required, at most 200 characters");
        }
        name = name.strip();
        if (rank == null || !RANK.matcher(rank.strip()).matches()) {
            throw new IllegalArgumentException("rank must be a NATO rank code such as OF-2, OR-6 or WO-1; was '"
                    + rank + "'");
        }
        rank = rank.strip();
        if (nation == null) {
            throw new IllegalArgumentException("nation is required");
        }
        if (clearance == null) {
            throw new IllegalArgumentException("clearance is required: UNCLASSIFIED, RESTRICTED, CONFIDENTIAL or "
                    + "SECRET");
        }
        languages = languages == null ? List.of() : List.copyOf(languages);
        if (languages.stream().map(LanguageProfile::language).distinct().count() != languages.size()) {
            throw new IllegalArgumentException("languages names a language twice");
        }
        if (label == null) {
            throw new IllegalArgumentException("label is required: {\"classification\":…,\"releasableTo\":[…]}");
        }
    }
}
