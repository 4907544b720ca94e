package org.kalkan.crisis.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.crisis.AlertLevelChanged;
import org.kalkan.crisis.AlertLevelState;
import org.kalkan.crisis.Crisis;
import org.kalkan.crisis.CrisisTask;
import org.kalkan.crisis.LogEntry;
import org.kalkan.crisis.Rfi;
import org.kalkan.crisis.RfiAnswer;
import org.kalkan.crisis.Sitrep;
import org.kalkan.shared.Dtg;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** The JSON shapes of the crisis API; every time as ISO 8601 with its DTG beside it. */
final class CrisisJson {

    private CrisisJson() {
    }

    record Team(List<String> users, List<String> nations) {
    }

    record CrisisView(UUID id, String title, String phase, List<String> nextPhases, SecurityLabel label,
            String originNation, String openedBy, Instant openedAt, String openedDtg, Instant updatedAt,
            @Nullable String sitrepEvery, @Nullable Instant nextSitrepAt, Team team, List<UUID> incidentIds, int version,
            @Nullable UUID exerciseId, String ref) {

        static CrisisView of(Crisis c) {
            return new CrisisView(c.id().value(), c.title(), c.phase().name(),
                    c.phase().next().stream().map(Enum::name).toList(), c.label(), c.originNation().value(),
                    c.openedBy(), c.openedAt(), Dtg.of(c.openedAt()), c.updatedAt(),
                    c.sitrepEvery() == null ? null : c.sitrepEvery().toString(), c.nextSitrepAt(),
                    new Team(List.copyOf(c.team().users()), c.team().nations().stream().map(NationCode::value).toList()),
                    c.incidentIds().stream().map(i -> i.value()).toList(), c.version(), c.exerciseId(), c.ref());
        }
    }

    record Entry(UUID id, long seq, Instant at, String dtg, String author, String kind, String text,
            @Nullable UUID corrects, SecurityLabel label) {

        static Entry of(LogEntry e) {
            return new Entry(e.id(), e.seq(), e.at(), Dtg.of(e.at()), e.author(), e.kind().name(), e.text(),
                    e.corrects(), e.label());
        }
    }

    record Owner(@Nullable String kind, @Nullable String name) {
    }

    record Task(UUID id, String title, Owner owner, Instant dueAt, String dueDtg, String status, boolean overdue,
            @Nullable Instant overdueAt, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
            SecurityLabel label, int version) {

        static Task of(CrisisTask t) {
            return new Task(t.id(), t.title(), new Owner(t.owner().kind().name(), t.owner().name()), t.dueAt(),
                    Dtg.of(t.dueAt()), t.status().name(), t.overdue(), t.overdueAt(), t.createdBy(), t.createdAt(),
                    t.updatedBy(), t.updatedAt(), t.label(), t.version());
        }
    }

    record Answer(UUID id, String text, String answeredBy, String nation, Instant answeredAt, String answeredDtg,
            SecurityLabel label) {

        static Answer of(RfiAnswer a) {
            return new Answer(a.id(), a.text(), a.answeredBy(), a.nation().value(), a.answeredAt(),
                    Dtg.of(a.answeredAt()), a.label());
        }
    }

    record RfiView(UUID id, String question, List<String> addressedTo, Instant deadline, String deadlineDtg,
            String status, boolean overdue, String createdBy, Instant createdAt, @Nullable String closedBy,
            @Nullable Instant closedAt, @Nullable String closingNote, SecurityLabel label, List<Answer> answers) {

        static RfiView of(Rfi r) {
            return new RfiView(r.id(), r.question(), r.addressedTo().stream().map(NationCode::value).toList(),
                    r.deadline(), Dtg.of(r.deadline()), r.status().name(),
                    r.overdueAt() != null && r.status() == Rfi.Status.OPEN, r.createdBy(), r.createdAt(), r.closedBy(),
                    r.closedAt(), r.closingNote(), r.label(), r.answers().stream().map(Answer::of).toList());
        }
    }

    record Sections(String situation, String incidents, String tasks, String rfis, String decisions, String outlook) {
    }

    record SitrepView(UUID crisisId, int number, String status, Instant periodFrom, Instant periodTo, String phase,
            Sections sections, String createdBy, Instant createdAt, @Nullable String issuedBy,
            @Nullable Instant issuedAt, @Nullable String issuedDtg, SecurityLabel label, int version,
            @Nullable UUID exerciseId) {

        static SitrepView of(Sitrep s) {
            var t = s.sections();
            return new SitrepView(s.crisisId().value(), s.number(), s.status().name(), s.periodFrom(), s.periodTo(),
                    s.phase().name(), new Sections(t.situation(), t.incidents(), t.tasks(), t.rfis(), t.decisions(),
                    t.outlook()), s.createdBy(), s.createdAt(), s.issuedBy(), s.issuedAt(),
                    s.issuedAt() == null ? null : Dtg.of(s.issuedAt()), s.label(), s.version(),
                    s.exerciseId());
        }
    }

    record Level(String kind, String target, String level, Instant changedAt, String changedDtg, String changedBy,
            String reason, String decisionRef) {

        static Level of(AlertLevelState s) {
            return new Level(s.target().kind().name(), s.target().name(), s.level().name(), s.changedAt(),
                    Dtg.of(s.changedAt()), s.changedBy(), s.reason(), s.decisionRef());
        }
    }

    record LevelChange(String kind, String target, String from, String to, Instant at, String dtg, String actor,
            String reason, String decisionRef) {

        static LevelChange of(AlertLevelChanged c) {
            return new LevelChange(c.target().kind().name(), c.target().name(), c.from().name(), c.to().name(),
                    c.at(), Dtg.of(c.at()), c.actor(), c.reason(), c.decisionRef());
        }
    }
}
