package org.kalkan.training.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;
import org.kalkan.training.Allocation;
import org.kalkan.training.Billet;
import org.kalkan.training.Completion;
import org.kalkan.training.Course;
import org.kalkan.training.Criterion;
import org.kalkan.training.DeadLetter;
import org.kalkan.training.Grant;
import org.kalkan.training.LanguageProfile;
import org.kalkan.training.LearningSystem;
import org.kalkan.training.Nomination;
import org.kalkan.training.Person;
import org.kalkan.training.PersonRecord;
import org.kalkan.training.Qualification;
import org.kalkan.training.QualifiedCount;
import org.kalkan.training.ReadinessEntry;
import org.kalkan.training.RosterEntry;
import org.kalkan.training.Session;
import org.kalkan.training.TrainingRequirement;
import org.kalkan.training.UnitCertification;

/** The training API's responses: plain ids, dates as ISO 8601, labels in the one label shape. */
final class TrainingViews {

    private TrainingViews() {
    }

    record LanguageView(String language, String profile) {
        static LanguageView of(LanguageProfile p) {
            return new LanguageView(p.language(), p.profile());
        }
    }

    record ObjectiveView(String code, String text) {
    }

    record GrantView(String qualification, String validFor, String gracePeriod) {
        static @Nullable GrantView of(@Nullable Grant g) {
            return g == null ? null : new GrantView(g.qualification(), g.validFor().toString(),
                    g.gracePeriod().toString());
        }
    }

    record PrerequisitesView(List<String> courses, List<String> qualifications, @Nullable LanguageView language) {
    }

    record CourseView(UUID id, String code, String title, List<ObjectiveView> objectives, String deliveringNation,
            @Nullable String institution, String language, @Nullable Integer durationDays, String minimumClearance,
            PrerequisitesView prerequisites, @Nullable GrantView grants, SecurityLabel label, Instant updatedAt,
            int version) {

        static CourseView of(Course c) {
            return new CourseView(c.id().value(), c.code(), c.title(), c.trainingObjectives().stream()
                    .map(o -> new ObjectiveView(o.code(), o.text())).toList(), c.deliveringNation().value(),
                    c.institution(), c.language(), c.durationDays(), c.minimumClearance().name(),
                    new PrerequisitesView(c.prerequisites().courses(), c.prerequisites().qualifications(),
                            c.prerequisites().language() == null ? null
                                    : LanguageView.of(c.prerequisites().language())),
                    GrantView.of(c.grants()), c.label(), c.updatedAt(), c.version());
        }
    }

    record SessionView(UUID id, String course, String courseTitle, LocalDate start, LocalDate end,
            @Nullable String place, int seats, Map<String, Integer> quotas, LocalDate nominationDeadline,
            int seated, int waiting, SecurityLabel label) {

        static SessionView of(Session s) {
            return new SessionView(s.id().value(), s.courseCode(), s.courseTitle(), s.start(), s.end(), s.place(),
                    s.seats(), s.quotas(), s.nominationDeadline(), s.seated(), s.waiting(), s.label());
        }
    }

    record NominationView(UUID id, UUID sessionId, UUID personId, String nation, String status, int priority,
            long arrival, @Nullable String result, String nominatedBy, Instant nominatedAt, @Nullable String note,
            @Nullable String name, @Nullable String rank) {

        static NominationView of(Nomination n) {
            return of(n, null, null);
        }

        static NominationView of(Nomination n, @Nullable String name, @Nullable String rank) {
            return new NominationView(n.id().value(), n.session().value(), n.person().value(), n.nation().value(),
                    n.status().name(), n.priority(), n.arrival(), n.result() == null ? null : n.result().name(),
                    n.nominatedBy(), n.nominatedAt(), n.note(), name, rank);
        }

        static NominationView of(RosterEntry e) {
            return of(e.nomination(), e.name(), e.rank());
        }
    }

    record PersonView(UUID id, String serviceNumber, String name, String rank, String nation,
            @Nullable UUID unitId, String clearance, List<LanguageView> languages, SecurityLabel label) {

        static PersonView of(Person p) {
            return new PersonView(p.id().value(), p.serviceNumber(), p.name(), p.rank(), p.nation().value(),
                    p.unit() == null ? null : p.unit().value(), p.clearance().name(),
                    p.languages().stream().map(LanguageView::of).toList(), p.label());
        }
    }

    record CompletionView(String course, String outcome, LocalDate completedOn, String source, String recordedBy) {
        static CompletionView of(Completion c) {
            return new CompletionView(c.course(), c.outcome().name(), c.completedOn(), c.source(), c.recordedBy());
        }
    }

    record QualificationView(String code, String course, LocalDate earnedOn, LocalDate validUntil,
            LocalDate graceUntil, String state, String evidence, @Nullable LocalDate supersededOn,
            @Nullable Instant expiryRecordedAt) {
        static QualificationView of(Qualification q, LocalDate today) {
            return new QualificationView(q.code(), q.course(), q.earnedOn(), q.validUntil(), q.graceUntil(),
                    q.stateOn(today).name(), q.evidence(), q.supersededOn(), q.expiredAt());
        }
    }

    record PersonRecordView(PersonView person, List<CompletionView> completions,
            List<QualificationView> qualifications, List<NominationView> nominations) {
        static PersonRecordView of(PersonRecord r, LocalDate today) {
            return new PersonRecordView(PersonView.of(r.person()),
                    r.completions().stream().map(CompletionView::of).toList(),
                    r.qualifications().stream().map(q -> QualificationView.of(q, today)).toList(),
                    r.nominations().stream().map(NominationView::of).toList());
        }
    }

    record CountView(String nation, @Nullable String unit, String qualification, int qualified, int expiringSoon) {
        static CountView of(QualifiedCount c) {
            return new CountView(c.nation(), c.unitName(), c.qualification(), c.qualified(), c.expiringSoon());
        }
    }

    record CriterionView(String criterion, boolean met, @Nullable String evidence) {
        static CriterionView of(Criterion c) {
            return new CriterionView(c.criterion(), c.met(), c.evidence());
        }
    }

    record CertificationView(UUID id, UUID unitId, String capability, String outcome, LocalDate evaluatedOn,
            @Nullable LocalDate validUntil, List<CriterionView> criteria, @Nullable UUID exerciseId,
            @Nullable String notes, String certifiedBy, Instant recordedAt) {
        static CertificationView of(UnitCertification c) {
            return new CertificationView(c.id().value(), c.unit().value(), c.capability().name(), c.outcome().name(),
                    c.evaluatedOn(), c.validUntil(), c.criteria().stream().map(CriterionView::of).toList(),
                    c.exerciseId(), c.notes(), c.certifiedBy(), c.recordedAt());
        }
    }

    record BilletView(String capability, String qualification, int required) {
        static BilletView of(Billet b) {
            return new BilletView(b.capability().name(), b.qualification(), b.required());
        }
    }

    record ReadinessView(UUID unitId, String unit, String nation, String capability, LocalDate date, String state,
            @Nullable LocalDate certifiedUntil, int billetsRequired, int billetsFilled, String reason,
            SecurityLabel label) {
        static ReadinessView of(ReadinessEntry e) {
            return new ReadinessView(e.unit().value(), e.unitName(), e.nation().value(), e.capability().name(),
                    e.day(), e.state().name(), e.certifiedUntil(), e.required(), e.filled(), e.reason(), e.label());
        }
    }

    record SeatView(UUID nominationId, UUID personId, String nation, int gain, String explanation) {
    }

    record RefusalView(UUID nominationId, UUID personId, String nation, int gain, String reason) {
    }

    record AllocationView(UUID sessionId, List<SeatView> seated, List<RefusalView> refused, long readinessGained,
            boolean optimal, boolean applied) {
        static AllocationView of(Allocation a) {
            return new AllocationView(a.session().value(), a.seated().stream().map(s -> new SeatView(
                    s.nomination().value(), s.person().value(), s.nation(), s.gain(), s.explanation())).toList(),
                    a.refused().stream().map(r -> new RefusalView(r.nomination().value(), r.person().value(),
                            r.nation(), r.gain(), r.reason())).toList(),
                    a.readinessGained(), a.optimal(), a.applied());
        }
    }

    record RequirementView(UUID id, UUID lessonId, UUID exerciseId, String title, String remedialAction,
            @Nullable String owner, @Nullable LocalDate dueOn, String status, @Nullable String course,
            SecurityLabel label, Instant createdAt) {
        static RequirementView of(TrainingRequirement r) {
            return new RequirementView(r.id().value(), r.lessonId(), r.exerciseId(), r.title(), r.remedialAction(),
                    r.owner(), r.dueOn(), r.status().name(), r.course(), r.label(), r.createdAt());
        }
    }

    record SystemView(UUID id, String name, String nation, String clearance, SecurityLabel label) {
        static SystemView of(LearningSystem s) {
            return new SystemView(s.id(), s.name(), s.nation().value(), s.clearance().name(), s.label());
        }
    }

    record DeadLetterView(UUID id, UUID statementId, String system, Instant receivedAt, String reason,
            String statement) {
        static DeadLetterView of(DeadLetter d) {
            return new DeadLetterView(d.id(), d.statementId(), d.system(), d.receivedAt(), d.reason(), d.document());
        }
    }
}
