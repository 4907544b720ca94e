package org.kalkan.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kalkan.shared.Classification;
import org.kalkan.shared.InvalidInputException.Violation;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** The nomination rules as domain rules: each prerequisite kind, clearance, quotas, and the waiting list's order. */
class NominationRulesTests {

    private static final LanguageProfile ENGLISH_2222 = new LanguageProfile("en", "2222");

    private static Course course(Prerequisites prerequisites, Classification minimum) {
        return new Course(CourseId.random(), "EOD-201", "IED disposal", List.of("Render safe"), NationCode.of("TUR"),
                null, "en", 10, minimum, prerequisites, new Grant("EOD-201", Period.ofYears(2), Period.ZERO),
                SecurityLabel.of(Classification.UNCLASSIFIED, "MEMBERS"), NationCode.of("TUR"), Instant.EPOCH, 0);
    }

    private static Candidate candidate(Classification clearance, List<LanguageProfile> languages,
            Set<String> courses, Set<String> qualifications) {
        return new Candidate(clearance, languages, courses, qualifications);
    }

    @Test
    void aCandidateWhoMeetsEveryPrerequisiteIsNotRefused() {
        Course course = course(new Prerequisites(List.of("EOD-101"), List.of("MEDIC-1"), ENGLISH_2222),
                Classification.RESTRICTED);
        assertThat(course.refusals(candidate(Classification.SECRET, List.of(new LanguageProfile("en", "3232")),
                Set.of("EOD-101"), Set.of("MEDIC-1")))).isEmpty();
    }

    @Test
    void eachUnmetPrerequisiteIsNamedOnItsOwn() {
        Course course = course(new Prerequisites(List.of("EOD-101", "FA-1"), List.of("MEDIC-1"), ENGLISH_2222),
                Classification.CONFIDENTIAL);

        List<Violation> refusals = course.refusals(candidate(Classification.RESTRICTED,
                List.of(new LanguageProfile("en", "2+1+21+")), Set.of("FA-1"), Set.of()));

        assertThat(refusals).extracting(Violation::where).containsExactly("minimumClearance",
                "prerequisites.courses", "prerequisites.qualifications", "prerequisites.language");
        assertThat(refusals.get(0).message()).isEqualTo("clearance RESTRICTED is below CONFIDENTIAL");
        assertThat(refusals.get(1).message()).isEqualTo("course EOD-101 not completed");
        assertThat(refusals.get(2).message()).contains("qualification MEDIC-1");
        assertThat(refusals.get(3).message()).isEqualTo("language en 2222 required: speaking 1+ < 2, writing 1+ < 2");
    }

    @Test
    void aProfileInAnotherLanguageDoesNotCountAndPlusLevelsAreHalfSteps() {
        Prerequisites english = new Prerequisites(List.of(), List.of(), ENGLISH_2222);
        assertThat(english.unmetBy(candidate(Classification.SECRET, List.of(new LanguageProfile("ru", "5555")),
                Set.of(), Set.of()))).singleElement().extracting(Violation::message)
                .isEqualTo("language en 2222 required: no en profile");
        assertThat(english.unmetBy(candidate(Classification.SECRET, List.of(), Set.of(), Set.of())))
                .singleElement().extracting(Violation::message).asString().contains("no en profile");
        assertThat(new LanguageProfile("en", "2+2+2+2+").meets(ENGLISH_2222)).isTrue();
        assertThat(new LanguageProfile("en", "2222").meets(new LanguageProfile("en", "2+222"))).isFalse();
        assertThat(new LanguageProfile("en", "5555").meets(new LanguageProfile("en", "4+4+4+4+"))).isTrue();
        assertThatThrownBy(() -> new LanguageProfile("en", "5+555")).hasMessageContaining("STANAG 6001");
        assertThatThrownBy(() -> new LanguageProfile("english", "2222")).hasMessageContaining("ISO 639");
    }

    @Test
    void aNationHoldsNoMoreThanItsQuotaAndNationsWithoutOneShareTheOpenSeats() {
        Seating seating = new Seating(5, Map.of("AZE", 2, "TUR", 1));

        assertThat(seating.hasSeatFor("AZE", Map.of("AZE", 1))).isTrue();
        assertThat(seating.hasSeatFor("AZE", Map.of("AZE", 2))).as("AZE's quota is full").isFalse();
        assertThat(seating.hasSeatFor("KAZ", Map.of("KGZ", 1))).as("one open seat left").isTrue();
        assertThat(seating.hasSeatFor("KAZ", Map.of("KGZ", 1, "UZB", 1))).as("both open seats held").isFalse();
        assertThat(new Seating(3, Map.of()).hasSeatFor("KAZ", Map.of("AZE", 2, "TUR", 1)))
                .as("no seat beyond the session's").isFalse();
        assertThat(new Seating(3, Map.of("AZE", 3)).hasSeatFor("KAZ", Map.of())).as("every seat reserved")
                .isFalse();
    }

    @Test
    void theWaitingListMovesUpInPriorityThenArrivalOrderAndOnlyWhereTheNationHasRoom() {
        Seating seating = new Seating(4, Map.of("AZE", 2, "TUR", 1));
        Seating.Claim azeLate = claim("AZE", 3, 40);
        Seating.Claim azeEarly = claim("AZE", 3, 20);
        Seating.Claim azeUrgent = claim("AZE", 1, 50);
        Seating.Claim turFirst = claim("TUR", 3, 10);
        Seating.Claim kazOpen = claim("KAZ", 5, 60);

        List<Seating.Claim> promoted = seating.promotions(List.of(azeLate, azeEarly, azeUrgent, turFirst, kazOpen),
                Map.of("AZE", 1, "TUR", 1));

        assertThat(promoted).containsExactly(azeUrgent, kazOpen);
        assertThat(seating.promotions(List.of(azeLate, azeEarly), Map.of("AZE", 1))).containsExactly(azeEarly);
        assertThat(seating.promotions(List.of(azeLate), Map.of("AZE", 2, "TUR", 1, "KAZ", 1))).isEmpty();
    }

    @Test
    void aSessionsQuotasCannotReserveMoreSeatsThanItHas() {
        SecurityLabel label = SecurityLabel.of(Classification.UNCLASSIFIED, "MEMBERS");
        assertThatThrownBy(() -> new SessionDraft("EOD-201", java.time.LocalDate.of(2027, 4, 1),
                java.time.LocalDate.of(2027, 4, 10), null, 3, Map.of("AZE", 2, "TUR", 2), null, label))
                .hasMessageContaining("quotas reserve 4 seats but the session has 3");
        SessionDraft draft = new SessionDraft("eod-201", java.time.LocalDate.of(2027, 4, 1),
                java.time.LocalDate.of(2027, 4, 10), null, 10, Map.of("AZE", 4), null, label);
        assertThat(draft.nominationDeadline()).as("defaults to the start").isEqualTo(draft.start());
        assertThat(draft.course()).isEqualTo("EOD-201");
    }

    private static Seating.Claim claim(String nation, int priority, long arrival) {
        return new Seating.Claim(NominationId.random(), nation, priority, arrival);
    }
}
