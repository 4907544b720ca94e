package org.kalkan.council.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.council.Consultation;
import org.kalkan.council.Decision;
import org.kalkan.council.DecisionVersion;
import org.kalkan.council.MeasureActivation;
import org.kalkan.council.MeasureOrder;
import org.kalkan.council.Position;
import org.kalkan.council.PositionKind;
import org.kalkan.council.Session;
import org.kalkan.council.SilenceBreak;
import org.kalkan.shared.SecurityLabel;

/**
 * The API's JSON shapes: ids and nations as strings, times as ISO 8601 UTC, labels in their one shape (with the
 * marking).
 */
final class CouncilJson {

    private CouncilJson() {
    }

    record DecisionJson(String id, String procedure, String status, int version, String title, String text,
            @Nullable Instant silenceEndsAt, SecurityLabel label, String originNation, @Nullable UUID crisisId,
            @Nullable String consultationId, @Nullable String registerNumber, @Nullable Instant adoptedAt,
            @Nullable Instant closedAt, String createdBy, Instant createdAt, List<MeasureOrder> measures,
            List<VersionJson> versions, List<PositionJson> positions, List<BreakJson> silenceBreaks,
            List<ActivationJson> activations, @Nullable UUID exerciseId, @Nullable String notAdoptedReason) {

        static DecisionJson of(Decision d) {
            return new DecisionJson(d.id().toString(), d.procedure().name(), d.status().name(), d.version(),
                    d.title(), d.text(), d.silenceEndsAt(), d.label(), d.originNation().value(),
                    d.crisisId(), d.consultationId() == null ? null : d.consultationId().toString(),
                    d.registerNumber(), d.adoptedAt(), d.closedAt(), d.createdBy(), d.createdAt(), d.measures(),
                    d.versions().stream().map(VersionJson::of).toList(),
                    d.positions().stream().map(PositionJson::of).toList(),
                    d.silenceBreaks().stream().map(BreakJson::of).toList(),
                    d.activations().stream().map(ActivationJson::of).toList(), d.exerciseId(), d.notAdoptedReason());
        }
    }

    record VersionJson(int version, String title, String text, @Nullable Instant silenceEndsAt,
            List<MeasureOrder> measures, String circulatedBy, Instant circulatedAt, @Nullable String urgency,
            List<String> notifiedDelegates) {

        static VersionJson of(DecisionVersion v) {
            return new VersionJson(v.version(), v.title(), v.text(), v.silenceEndsAt(), v.measures(),
                    v.circulatedBy(), v.circulatedAt(), v.urgency(), v.notifiedDelegates());
        }
    }

    record PositionJson(int version, String nation, String position, @Nullable String statement,
            String recordedBy, Instant recordedAt) {

        static PositionJson of(Position p) {
            return new PositionJson(p.version(), p.nation().value(), p.kind().name(), p.statement(), p.recordedBy(),
                    p.recordedAt());
        }
    }

    record BreakJson(int version, String nation, String statement, String brokenBy, Instant brokenAt) {

        static BreakJson of(SilenceBreak b) {
            return new BreakJson(b.version(), b.nation().value(), b.statement(), b.brokenBy(), b.brokenAt());
        }
    }

    record ActivationJson(String id, int version, String measureCode, Map<String, String> parameters,
            @Nullable UUID crisisId, Instant activatedAt) {

        static ActivationJson of(MeasureActivation a) {
            return new ActivationJson(a.id().toString(), a.version(), a.measureCode(), a.parameters(), a.crisisId(),
                    a.activatedAt());
        }
    }

    record ConsultationJson(String id, String requestingNation, List<String> grounds, String statement,
            SecurityLabel label, String originNation, String requestedBy, Instant requestedAt, String status,
            @Nullable Instant closedAt, String sessionId, LocalDate sessionDate, @Nullable UUID exerciseId) {

        static ConsultationJson of(Consultation c) {
            return new ConsultationJson(c.id().toString(), c.requestingNation().value(),
                    c.grounds().stream().map(Enum::name).sorted().toList(), c.statement(), c.label(),
                    c.originNation().value(), c.requestedBy(), c.requestedAt(), c.open() ? "OPEN" : "CLOSED",
                    c.closedAt(), c.sessionId().toString(), c.sessionDate(), c.exerciseId());
        }
    }

    record SessionJson(String id, LocalDate date, boolean extraordinary, @Nullable String minutes,
            SecurityLabel label, List<ConsultationJson> agenda) {

        static SessionJson of(Session s) {
            return new SessionJson(s.id().toString(), s.heldOn(), s.extraordinary(), s.minutes(), s.label(),
                    s.agenda().stream().map(ConsultationJson::of).toList());
        }
    }

    /** A delegate's act for their nation: {@code nation} may be left out (their own) but never another's. */
    record SilenceBreakRequest(@Nullable String nation, @Nullable String statement) {
    }

    record PositionRequest(@Nullable String nation, @Nullable PositionKind position, @Nullable String statement) {
    }

    record SessionRequest(@Nullable LocalDate date, @Nullable SecurityLabel label) {
    }

    record MinutesRequest(@Nullable String minutes) {
    }
}
