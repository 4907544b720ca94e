package org.kalkan.training.web;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.Capability;
import org.kalkan.force.UnitId;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.kalkan.training.Billet;
import org.kalkan.training.CertificationOutcome;
import org.kalkan.training.CertificationRequest;
import org.kalkan.training.CourseDraft;
import org.kalkan.training.Criterion;
import org.kalkan.training.Grant;
import org.kalkan.training.LanguageProfile;
import org.kalkan.training.PersonDraft;
import org.kalkan.training.Prerequisites;
import org.kalkan.training.SessionDraft;

/** The training API's request bodies, each turned into the module's input with errors that name the field. */
final class TrainingJson {

    private TrainingJson() {
    }

    record LanguageBody(@Nullable String language, @Nullable String profile) {

        LanguageProfile toProfile(String field) {
            try {
                return new LanguageProfile(Fields.required(language, field + ".language"),
                        Fields.required(profile, field + ".profile"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + ": " + e.getMessage());
            }
        }
    }

    record PrerequisitesBody(@Nullable List<String> courses, @Nullable List<String> qualifications,
            @Nullable LanguageBody language) {
    }

    record GrantBody(@Nullable String qualification, @Nullable String validFor, @Nullable String gracePeriod) {
    }

    record CourseBody(@Nullable String code, @Nullable String title, @Nullable List<String> objectives,
            @Nullable String deliveringNation, @Nullable String institution, @Nullable String language,
            @Nullable Integer durationDays, @Nullable String minimumClearance,
            @Nullable PrerequisitesBody prerequisites, @Nullable GrantBody grants, @Nullable SecurityLabel label,
            @Nullable Integer version) {

        CourseDraft toDraft(NationCode coordinatorNation) {
            Prerequisites prereq = prerequisites == null ? Prerequisites.none()
                    : new Prerequisites(orNone(prerequisites.courses()), orNone(prerequisites.qualifications()),
                            prerequisites.language() == null ? null
                                    : prerequisites.language().toProfile("prerequisites.language"));
            Grant grant = null;
            if (grants != null) {
                grant = new Grant(Fields.required(grants.qualification(), "grants.qualification"),
                        Fields.required(Fields.period(grants.validFor(), "grants.validFor"), "grants.validFor"),
                        grants.gracePeriod() == null ? java.time.Period.ZERO
                                : Fields.required(Fields.period(grants.gracePeriod(), "grants.gracePeriod"),
                                        "grants.gracePeriod"));
            }
            String lang = language != null ? language
                    : prereq.language() != null ? prereq.language().language() : "en";
            return new CourseDraft(Fields.required(code, "code"), Fields.required(title, "title"), orNone(objectives),
                    deliveringNation == null ? coordinatorNation
                            : TrainingJson.nation(deliveringNation, "deliveringNation"),
                    institution, lang, durationDays,
                    Fields.enumOf(Classification.class, minimumClearance == null ? "UNCLASSIFIED" : minimumClearance,
                            "minimumClearance"),
                    prereq, grant, Fields.required(label, "label"));
        }
    }

    record PersonBody(@Nullable String serviceNumber, @Nullable String name, @Nullable String rank,
            @Nullable String nation, @Nullable String unitId, @Nullable String clearance,
            @Nullable List<LanguageBody> languages, @Nullable SecurityLabel label) {

        PersonDraft toDraft() {
            List<LanguageProfile> profiles = new java.util.ArrayList<>();
            List<LanguageBody> given = languages == null ? List.of() : languages;
            for (int i = 0; i < given.size(); i++) {
                profiles.add(Fields.required(given.get(i), "languages[" + i + "]").toProfile("languages[" + i + "]"));
            }
            return new PersonDraft(Fields.required(serviceNumber, "serviceNumber"), Fields.required(name, "name"),
                    Fields.required(rank, "rank"), TrainingJson.nation(Fields.required(nation, "nation"), "nation"),
                    unitId == null || unitId.isBlank() ? null : new UnitId(Fields.uuid(unitId, "unitId")),
                    Fields.enumOf(Classification.class, clearance, "clearance"), profiles,
                    Fields.required(label, "label"));
        }
    }

    record SessionBody(@Nullable String course, @Nullable String start, @Nullable String end,
            @Nullable String place, @Nullable Integer seats, @Nullable Map<String, Integer> quotas,
            @Nullable String nominationDeadline, @Nullable SecurityLabel label) {

        SessionDraft toDraft() {
            return new SessionDraft(Fields.required(course, "course"),
                    Fields.required(Fields.date(start, "start"), "start"), Fields.required(Fields.date(end, "end"),
                            "end"),
                    place, Fields.required(seats, "seats"), quotas == null ? Map.of() : quotas,
                    Fields.date(nominationDeadline, "nominationDeadline"), Fields.required(label, "label"));
        }
    }

    record NominationBody(@Nullable String personId, @Nullable Integer priority) {
    }

    record ResultBody(@Nullable String personId, @Nullable String outcome) {
    }

    record AllocationBody(@Nullable Boolean apply) {
    }

    record CriterionBody(@Nullable String criterion, @Nullable Boolean met, @Nullable String evidence) {
    }

    record EvidenceBody(@Nullable List<CriterionBody> criteria, @Nullable String exerciseId, @Nullable String notes) {
    }

    record CertificationBody(@Nullable String unitId, @Nullable String capability, @Nullable String outcome,
            @Nullable String evaluatedOn, @Nullable String validUntil, @Nullable EvidenceBody evidence) {

        CertificationRequest toRequest() {
            List<Criterion> criteria = new java.util.ArrayList<>();
            List<CriterionBody> given = evidence == null || evidence.criteria() == null ? List.of()
                    : evidence.criteria();
            for (int i = 0; i < given.size(); i++) {
                CriterionBody c = Fields.required(given.get(i), "evidence.criteria[" + i + "]");
                criteria.add(new Criterion(Fields.required(c.criterion(), "evidence.criteria[" + i + "].criterion"),
                        Fields.required(c.met(), "evidence.criteria[" + i + "].met"), c.evidence()));
            }
            return new CertificationRequest(new UnitId(Fields.uuid(unitId, "unitId")),
                    Fields.enumOf(Capability.class, capability, "capability"),
                    Fields.enumOf(CertificationOutcome.class, outcome, "outcome"),
                    Fields.date(evaluatedOn, "evaluatedOn"), Fields.date(validUntil, "validUntil"), criteria,
                    evidence == null || evidence.exerciseId() == null || evidence.exerciseId().isBlank() ? null
                            : Fields.uuid(evidence.exerciseId(), "evidence.exerciseId"),
                    evidence == null ? null : evidence.notes());
        }
    }

    record BilletBody(@Nullable String capability, @Nullable String qualification, @Nullable Integer required) {

        Billet toBillet() {
            return new Billet(Fields.enumOf(Capability.class, capability, "billets.capability"),
                    Fields.required(qualification, "billets.qualification"),
                    Fields.required(required, "billets.required"));
        }
    }

    record SystemBody(@Nullable String name, @Nullable String nation, @Nullable String clearance,
            @Nullable SecurityLabel label) {
    }

    record AddressBody(@Nullable String course) {
    }

    static NationCode nation(String code, String field) {
        if (!NationCode.isValid(code.strip())) {
            throw new IllegalArgumentException(field + " must be an ISO 3166-1 alpha-3 code, was '" + code + "'");
        }
        return NationCode.of(code.strip());
    }

    static SecurityLabel label(String classification, String releasableTo) {
        TreeSet<String> entries = new TreeSet<>();
        for (String entry : releasableTo.split("[,\\s]+")) {
            if (!entry.isBlank()) {
                entries.add(entry.strip().toUpperCase(java.util.Locale.ROOT));
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("releasableTo needs at least one nation or community");
        }
        return new SecurityLabel(Fields.enumOf(Classification.class, classification, "classification"), entries);
    }

    /** An absent list in a body is an empty one. */
    static <T> List<T> orNone(@Nullable List<T> values) {
        return values == null ? List.of() : values;
    }
}
