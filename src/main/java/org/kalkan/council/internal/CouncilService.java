package org.kalkan.council.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.council.Consultation;
import org.kalkan.council.ConsultationId;
import org.kalkan.council.ConsultationRequest;
import org.kalkan.council.Council;
import org.kalkan.council.CouncilProperties;
import org.kalkan.council.Decision;
import org.kalkan.council.DecisionCirculated;
import org.kalkan.council.DecisionDraft;
import org.kalkan.council.DecisionId;
import org.kalkan.council.DecisionNotAdopted;
import org.kalkan.council.DecisionStatus;
import org.kalkan.council.DecisionVersion;
import org.kalkan.council.DelegateNotices;
import org.kalkan.council.ReferencedRecords;
import org.kalkan.council.Measure;
import org.kalkan.council.MeasureOrder;
import org.kalkan.council.Position;
import org.kalkan.council.PositionKind;
import org.kalkan.council.Procedure;
import org.kalkan.council.Revision;
import org.kalkan.council.Session;
import org.kalkan.council.SilenceBreak;
import org.kalkan.council.SilenceBroken;
import org.kalkan.members.MemberStates;
import org.kalkan.members.Nation;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Subject;
import org.kalkan.shared.InvalidInputException;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Council's decisions: circulation under silence or for consensus, silence breaks, positions, closing and
 * revision. A decision binds the members, so {@link BindingRules} hold when it is circulated (every member state's
 * delegates can read it, the silence is long enough, every delegate is notified before it starts) and again when it
 * takes effect ({@link Adoption}); what it names is resolved by the owning module ({@link References}). Every write locks the decision's row first, so concurrent acts on one decision are serialised and
 * each sees the state the previous one left. Consultations and sessions are the {@link Agenda}'s.
 */
@Service
class CouncilService implements Council {

    static final int MAX_TITLE = 300;
    static final int MAX_TEXT = 50_000;
    static final int MAX_STATEMENT = 10_000;
    private static final int LIST_LIMIT = 500;

    private final Decisions decisions;
    private final MeasureCatalogue measures;
    private final Adoption adoption;
    private final SilenceDeadlines deadlines;
    private final Agenda agenda;
    private final Delegation delegation;
    private final MemberStates members;
    private final AccessPolicy policy;
    private final CurrentSubject currentSubject;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final CouncilProperties properties;
    private final BindingRules rules;
    private final References references;
    private final ObjectProvider<DelegateNotices> notices;
    private final Clock clock;

    CouncilService(Decisions decisions, MeasureCatalogue measures, Adoption adoption, SilenceDeadlines deadlines,
            Agenda agenda, Delegation delegation, MemberStates members, AccessPolicy policy,
            CurrentSubject currentSubject, AuditTrail audit, ApplicationEventPublisher events,
            CouncilProperties properties, BindingRules rules, References references,
            ObjectProvider<DelegateNotices> notices, Clock clock) {
        this.rules = rules;
        this.references = references;
        this.notices = notices;
        this.decisions = decisions;
        this.measures = measures;
        this.adoption = adoption;
        this.deadlines = deadlines;
        this.agenda = agenda;
        this.delegation = delegation;
        this.members = members;
        this.policy = policy;
        this.currentSubject = currentSubject;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    // ---- decisions: writes

    @Override
    @Transactional
    public Decision circulate(DecisionDraft draft) {
        Subject chair = currentSubject.get();
        delegation.requireChair(chair, "DECISION_CIRCULATE", "decision:new");
        Instant now = now();
        String title = required(draft.title(), "title", MAX_TITLE);
        String text = required(draft.text(), "text", MAX_TEXT);
        SecurityLabel label = require(draft.label(), "label");
        policy.checkWritable(chair, label);
        Procedure procedure = require(draft.procedure(), "procedure (SILENCE or CONSENSUS)");
        String urgency = BindingRules.urgency(draft.urgency());
        Instant silenceEndsAt = null;
        if (procedure == Procedure.SILENCE) {
            silenceEndsAt = deadline(draft.silenceEndsAt(), now, urgency);
        } else if (draft.silenceEndsAt() != null) {
            throw new IllegalArgumentException("silenceEndsAt belongs to the SILENCE procedure only");
        } else if (urgency != null) {
            throw new IllegalArgumentException("urgency shortens a silence: it belongs to the SILENCE procedure only");
        }
        List<MeasureOrder> named = measures.validate(draft.measures(), draft.crisisId());
        ConsultationId consultation = draft.consultationId() == null ? null
                : agenda.consultation(new ConsultationId(draft.consultationId())).id();
        requireBinding(label, chair.nation(), chair.exercise(), now, silenceEndsAt, urgency);

        DecisionId id = new DecisionId(UUID.randomUUID());
        // Everything the decision names is resolved by its owner, for the chair, in the chair's context.
        references.circulating(chair, new ReferencedRecords(id, label, chair.exercise(), draft.crisisId(), named));
        DecisionStatus status = procedure == Procedure.SILENCE ? DecisionStatus.UNDER_SILENCE
                : DecisionStatus.UNDER_CONSENSUS;
        // The decision belongs to the chair's context (ADR 0006); a consultation it answers was found in that context.
        DecisionRow row = new DecisionRow(id, procedure, status, 1, silenceEndsAt, draft.crisisId(), consultation,
                null, null, null, chair.username(), now, label, chair.nation(), chair.exercise(), null);
        decisions.insert(row);
        DecisionCirculated circulated = new DecisionCirculated(id, 1, procedure, title, silenceEndsAt, label, now,
                chair.exercise(), chair.nation());
        List<String> notified = notifyDelegates(circulated);
        Instant started = silenceStarts(silenceEndsAt, urgency);
        decisions.insertVersion(id, new DecisionVersion(1, title, text, silenceEndsAt, named, chair.username(),
                started, urgency, notified));
        audit.record(chair.username(), "DECISION_CIRCULATED", row.target(), procedure + " version 1 \"" + title
                + "\" " + label.marking() + (silenceEndsAt == null ? "" : " silence ends " + silenceEndsAt)
                + (urgency == null ? "" : " urgency: " + urgency) + "; notified " + notified);
        events.publishEvent(circulated);
        return readable(chair, row);
    }

    @Override
    @Transactional
    public Decision revise(DecisionId id, Revision revision) {
        Subject chair = currentSubject.get();
        delegation.requireChair(chair, "DECISION_REVISE", "decision:" + id);
        DecisionRow row = lockReadable(chair, id);
        Instant now = now();
        String title = required(revision.title(), "title", MAX_TITLE);
        String text = required(revision.text(), "text", MAX_TEXT);
        String urgency = BindingRules.urgency(revision.urgency());
        Instant silenceEndsAt = deadline(revision.silenceEndsAt(), now, urgency);
        List<MeasureOrder> named = revision.measures() == null ? decisions.measures(id, row.version())
                : measures.validate(revision.measures(), row.crisisId());
        if (row.status() != DecisionStatus.SILENCE_BROKEN) {
            throw new RefusedException("Only a decision whose silence was broken is revised; this one is "
                    + row.status() + ".");
        }
        requireBinding(row.label(), row.origin(), row.exerciseId(), now, silenceEndsAt, urgency);
        references.circulating(chair, new ReferencedRecords(id, row.label(), row.exerciseId(), row.crisisId(),
                named));
        int version = row.version() + 1;
        DecisionCirculated circulated = new DecisionCirculated(id, version, Procedure.SILENCE, title, silenceEndsAt,
                row.label(), now, row.exerciseId(), row.origin());
        List<String> notified = notifyDelegates(circulated);
        Instant started = silenceStarts(silenceEndsAt, urgency);
        decisions.insertVersion(id, new DecisionVersion(version, title, text, silenceEndsAt, named, chair.username(),
                started, urgency, notified));
        decisions.recirculate(id, version, silenceEndsAt);
        audit.record(chair.username(), "DECISION_REVISED", row.target(), "version " + version + " \"" + title
                + "\" silence ends " + silenceEndsAt + (urgency == null ? "" : " urgency: " + urgency)
                + "; notified " + notified);
        events.publishEvent(circulated);
        return readable(chair, decisions.find(id).orElseThrow());
    }

    @Override
    @Transactional
    public Decision breakSilence(DecisionId id, @Nullable String nation, @Nullable String statement) {
        Subject delegate = currentSubject.get();
        NationCode acting = delegation.requireMemberDelegate(delegate, nation, "SILENCE_BREAK", "decision:" + id);
        DecisionRow row = lockReadable(delegate, id);
        String text = required(statement, "statement", MAX_STATEMENT);
        Instant now = now();
        SilenceRule.refusal(row, decisions.load(row).currentBreaks(), acting, now).ifPresent(reason -> {
            throw new RefusedException(reason);
        });
        decisions.insertBreak(id, new SilenceBreak(row.version(), acting, text, delegate.username(), now));
        decisions.setStatus(id, DecisionStatus.SILENCE_BROKEN);
        audit.record(delegate.username(), "SILENCE_BROKEN", row.target(), acting + " on version " + row.version()
                + ", " + Duration.between(now, row.silenceEndsAt()).toMillis() + " ms before the deadline");
        events.publishEvent(new SilenceBroken(id, row.version(), acting, text, row.label(), now, row.exerciseId()));
        return readable(delegate, decisions.find(id).orElseThrow());
    }

    @Override
    @Transactional
    public Decision takePosition(DecisionId id, @Nullable String nation, @Nullable PositionKind kind,
            @Nullable String statement) {
        Subject delegate = currentSubject.get();
        NationCode acting = delegation.requireMemberDelegate(delegate, nation, "POSITION", "decision:" + id);
        DecisionRow row = lockReadable(delegate, id);
        PositionKind position = require(kind, "position (CONCUR, CONCUR_WITH_RESERVATION or NON_CONCUR)");
        String text = position.needsStatement() ? required(statement, "statement", MAX_STATEMENT)
                : optional(statement, "statement", MAX_STATEMENT);
        if (row.procedure() != Procedure.CONSENSUS) {
            throw new RefusedException("This decision is under the silence procedure: break silence or stay silent.");
        }
        if (row.status() != DecisionStatus.UNDER_CONSENSUS) {
            throw new RefusedException("The decision is " + row.status() + " and takes no more positions.");
        }
        if (decisions.load(row).positionOf(acting).isPresent()) {
            throw new RefusedException(acting + " has already taken its position on version " + row.version() + ".");
        }
        Instant now = now();
        decisions.insertPosition(id, new Position(row.version(), acting, position, text, delegate.username(), now));
        audit.record(delegate.username(), "POSITION_TAKEN", row.target(), acting + " " + position + " on version "
                + row.version());
        return readable(delegate, decisions.find(id).orElseThrow());
    }

    @Override
    @Transactional
    public Decision close(DecisionId id) {
        Subject chair = currentSubject.get();
        delegation.requireChair(chair, "DECISION_CLOSE", "decision:" + id);
        DecisionRow row = lockReadable(chair, id);
        if (row.procedure() != Procedure.CONSENSUS || row.status() != DecisionStatus.UNDER_CONSENSUS) {
            throw new RefusedException("Only a decision under consensus is closed by the chair; this one is "
                    + row.procedure() + ", " + row.status() + ".");
        }
        Instant now = now();
        ConsensusTally tally = ConsensusTally.of(members.nations().stream().filter(Nation::isMember)
                .map(Nation::code).toList(), decisions.load(row).currentPositions());
        if (tally.consensus()) {
            // Adopted, or refused (NOT_ADOPTED, with the reason) if it no longer meets the rules as it takes effect.
            adoption.adopt(row, tally.outcome(), now, chair.username());
        } else {
            decisions.notAdopted(id, now, null);
            audit.record(chair.username(), "DECISION_NOT_ADOPTED", row.target(), "version " + row.version()
                    + ", non-concurring " + tally.nonConcurring() + ", without position " + tally.withoutPosition());
            events.publishEvent(new DecisionNotAdopted(id, row.version(), tally.nonConcurring(),
                    tally.withoutPosition(), row.label(), now, row.exerciseId(), null));
        }
        return readable(chair, decisions.find(id).orElseThrow());
    }

    // ---- decisions: reads

    @Override
    public Decision decision(DecisionId id) {
        Subject subject = currentSubject.get();
        DecisionRow row = decisions.find(id)
                .filter(r -> policy.canRead(subject, r.label(), r.origin(), r.exerciseId()))
                .orElseThrow(() -> notReadable(subject, id));
        if (row.silenceEndedBy(clock.instant())) {
            // Adopted now, or by the poller meanwhile (then this call adopts nothing): read it again either way.
            deadlines.adoptIfDue(id);
            row = decisions.find(id).orElseThrow();
        }
        return readable(subject, row);
    }

    @Override
    public List<Decision> decisions() {
        Subject subject = currentSubject.get();
        deadlines.adoptDue();
        return decisions.readable(policy.filter(subject, "d"), LIST_LIMIT).stream()
                .map(row -> readable(subject, row)).toList();
    }

    @Override
    public List<Decision> register() {
        Subject subject = currentSubject.get();
        deadlines.adoptDue();
        return decisions.register(policy.filter(subject, "d")).stream().map(row -> readable(subject, row)).toList();
    }

    @Override
    public List<Measure> measures() {
        return measures.all();
    }

    // ---- consultations and sessions

    @Override
    public Consultation requestConsultation(ConsultationRequest request) {
        return agenda.request(request);
    }

    @Override
    public List<Consultation> consultations() {
        return agenda.consultations();
    }

    @Override
    public Consultation consultation(ConsultationId id) {
        return agenda.consultation(id);
    }

    @Override
    public Consultation closeConsultation(ConsultationId id) {
        return agenda.close(id);
    }

    @Override
    public List<Session> sessions() {
        return agenda.sessions();
    }

    @Override
    public Session scheduleSession(@Nullable LocalDate heldOn, @Nullable SecurityLabel label) {
        return agenda.schedule(heldOn, label);
    }

    @Override
    public Session recordMinutes(UUID sessionId, @Nullable String minutes) {
        return agenda.recordMinutes(sessionId, minutes);
    }

    // ---- helpers

    private DecisionRow lockReadable(Subject subject, DecisionId id) {
        return decisions.lock(id).filter(r -> policy.canRead(subject, r.label(), r.origin(), r.exerciseId()))
                .orElseThrow(() -> notReadable(subject, id));
    }

    private RuntimeException notReadable(Subject subject, DecisionId id) {
        audit.recordDenial(subject.username(), "READ", "decision:" + id, "missing or not readable");
        return NotFoundException.noVisible("decision");
    }

    /** Asserts the read again before the decision leaves the node. */
    private Decision readable(Subject subject, DecisionRow row) {
        policy.assertReadable(subject, row.label(), row.origin(), row.exerciseId(), row.target());
        return decisions.load(row);
    }

    private Instant deadline(@Nullable Instant silenceEndsAt, Instant now, @Nullable String urgency) {
        Instant deadline = require(silenceEndsAt, "silenceEndsAt (the exact end of silence, ISO 8601 UTC)");
        if (!deadline.truncatedTo(ChronoUnit.MICROS).equals(deadline)) {
            throw new IllegalArgumentException("silenceEndsAt is kept to the microsecond: give no finer fraction");
        }
        if (!deadline.isAfter(now)) {
            throw new IllegalArgumentException("silenceEndsAt " + deadline + " is not in the future (now " + now + ")");
        }
        if (deadline.isAfter(now.plus(properties.maxSilence()))) {
            throw new IllegalArgumentException("silenceEndsAt is more than " + properties.maxSilence() + " ahead");
        }
        return deadline;
    }

    /**
     * A decision binds the members: every member state's delegates can read it, and its silence (which starts now,
     * when every delegate is notified in this transaction) lasts the minimum. Refused whole (400) naming each fault.
     */
    private void requireBinding(SecurityLabel label, NationCode origin, @Nullable UUID exercise, Instant now,
            @Nullable Instant silenceEndsAt, @Nullable String urgency) {
        List<InvalidInputException.Violation> faults = new ArrayList<>();
        rules.labelFaults(label, origin, exercise).forEach(f -> faults.add(new InvalidInputException.Violation(
                "label", f)));
        if (silenceEndsAt != null) {
            rules.silenceFaults(now, silenceEndsAt, urgency).forEach(f -> faults.add(
                    new InvalidInputException.Violation("silenceEndsAt", f)));
        }
        if (!faults.isEmpty()) {
            throw new InvalidInputException("A decision binds the members, so each must be able to read it and "
                    + "object in time: " + String.join("; ", faults.stream().map(
                            InvalidInputException.Violation::message).toList()) + ".", faults);
        }
    }

    /**
     * The instant the version's silence (or consensus) starts: now, once every delegate has been notified. The
     * silence is checked again from here, so it is never shorter than the minimum after notification.
     */
    private Instant silenceStarts(@Nullable Instant silenceEndsAt, @Nullable String urgency) {
        Instant started = now();
        if (silenceEndsAt != null) {
            List<String> faults = rules.silenceFaults(started, silenceEndsAt, urgency);
            if (!faults.isEmpty()) {
                throw new InvalidInputException("silenceEndsAt: " + String.join("; ", faults) + ".",
                        faults.stream().map(f -> new InvalidInputException.Violation("silenceEndsAt", f)).toList());
            }
        }
        return started;
    }

    /**
     * Alerts every delegate who takes part, in this transaction, before the silence or the consensus starts; a
     * delegate who cannot be reached refuses the circulation (nothing is stored).
     */
    private List<String> notifyDelegates(DecisionCirculated circulated) {
        Set<String> expected = rules.delegateNames(circulated.exerciseId());
        DelegateNotices notices = this.notices.getIfAvailable();
        if (notices == null) {
            throw new RefusedException("Delegates cannot be notified on this node: no decision can be circulated.");
        }
        Set<String> notified = expected.isEmpty() ? Set.of() : notices.notifyDelegates(circulated, expected);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(notified);
        if (!missing.isEmpty()) {
            throw new RefusedException("Not every delegate could be notified (" + String.join(", ", missing)
                    + "): the decision was not circulated.");
        }
        return List.copyOf(new TreeSet<>(notified));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static <T> T require(@Nullable T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    static String required(@Nullable String value, String name, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return stripped(value, name, maxLength);
    }

    static @Nullable String optional(@Nullable String value, String name, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return stripped(value, name, maxLength);
    }

    private static String stripped(String value, String name, int maxLength) {
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
        }
        return trimmed;
    }
}
