package org.kalkan.crisis;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NotFoundException;
import org.kalkan.crisis.internal.CrisisAccess;
import org.kalkan.crisis.internal.CrisisStore;
import org.kalkan.crisis.internal.RfiStore;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Subject;
import org.kalkan.shared.Dtg;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.SecurityLabel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for information. Addressed nations join the crisis team (the crisis's and the RFI's label must
 * release to them), so their users see the crisis and the RFI and answer it; each answer carries its own label.
 */
@Service
public class CrisisRfis {

    private final RfiStore rfis;
    private final CrisisStore crises;
    private final CrisisAccess access;
    private final Crises crisisTeams;
    private final CrisisLog log;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CrisisRfis(RfiStore rfis, CrisisStore crises, CrisisAccess access, Crises crisisTeams, CrisisLog log,
            AccessPolicy policy, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.rfis = rfis;
        this.crises = crises;
        this.access = access;
        this.crisisTeams = crisisTeams;
        this.log = log;
        this.policy = policy;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Rfi ask(Subject subject, CrisisId crisisId, NewRfi request) {
        Instant now = clock.instant();
        CrisisAccess.Addition addition = access.addition(subject, crisisId, request.label(), "send RFIs", "deadline",
                request.deadline(), now);
        Crisis crisis = addition.crisis();
        SecurityLabel label = addition.label();
        for (NationCode nation : request.addressedTo()) {
            if (!access.isKnownNation(nation)) {
                throw new IllegalArgumentException("unknown nation " + nation);
            }
            if (!access.releasesTo(label, nation)) {
                throw new IllegalArgumentException("the RFI is " + label.marking() + ": addressed nation " + nation
                        + " could not read it");
            }
        }
        crisisTeams.include(crisis, CrisisTeam.of(Set.of(), new TreeSet<>(request.addressedTo())),
                subject.username());
        UUID id = rfis.insert(crisisId, request.question().strip(), request.addressedTo(), request.deadline(),
                subject.username(), now, label, subject.nation());
        log.system(crisis, subject.username(), LogEntryKind.RFI_CREATED, "RFI to " + names(request.addressedTo())
                + ", deadline " + Dtg.of(request.deadline()) + ": " + request.question().strip(), label);
        audit.record(subject.username(), "CRISIS_RFI_SENT", "rfi:" + id, "crisis " + crisisId + " to "
                + request.addressedTo() + " " + label.marking());
        return find(subject, crisisId, id);
    }

    /** RFIs of the crisis the subject may read, each with the answers the subject may read. */
    @Transactional(readOnly = true)
    public List<Rfi> list(Subject subject, CrisisId crisisId) {
        access.readable(subject, crisisId);
        return rfis.list(crisisId, policy.filter(subject, "r")).stream().map(r -> readable(subject, r)).toList();
    }

    @Transactional(readOnly = true)
    public Rfi find(Subject subject, CrisisId crisisId, UUID rfiId) {
        access.readable(subject, crisisId);
        return readable(subject, rfis.find(crisisId, rfiId, policy.filter(subject, "r"))
                .orElseThrow(() -> NotFoundException.noVisible("RFI")));
    }

    /** A user of an addressed nation (not an observer) answers an open RFI; without a label, the RFI's. */
    @Transactional
    public RfiAnswer answer(Subject subject, CrisisId crisisId, UUID rfiId, @Nullable String text,
            @Nullable SecurityLabel label) {
        access.requireParticipant(subject, "answer RFIs");
        String checked = CrisisLog.text(text);
        Crisis crisis = access.active(subject, crisisId);
        Rfi rfi = rfis.lock(crisisId, rfiId, policy.filter(subject, "r"))
                .orElseThrow(() -> NotFoundException.noVisible("RFI"));
        if (!rfi.addressedTo().contains(subject.nation())) {
            audit.recordDenial(subject.username(), "CRISIS", "rfi:" + rfiId, "not addressed to " + subject.nation());
            throw new ForbiddenException("This RFI is addressed to " + names(rfi.addressedTo().stream().toList())
                    + ", not to " + subject.nation() + ".");
        }
        if (rfi.status() == Rfi.Status.CLOSED) {
            throw new RefusedException("RFI " + rfiId + " is closed; it takes no more answers.");
        }
        SecurityLabel answerLabel = label == null ? rfi.label() : label;
        access.checkWritable(subject, answerLabel);
        RfiAnswer answer = rfis.answer(rfiId, checked, subject.username(), clock.instant(), answerLabel,
                subject.nation());
        log.system(crisis, subject.username(), LogEntryKind.RFI_ANSWERED, "RFI answered by " + subject.nation()
                + " (" + answerLabel.marking() + "): " + rfi.question(), rfi.label());
        audit.record(subject.username(), "CRISIS_RFI_ANSWERED", "rfi:" + rfiId, "answer " + answer.id() + " "
                + answerLabel.marking());
        events.publishEvent(new RfiAnswered(crisisId, rfiId, answer.id(), subject.username(), subject.nation(),
                answer.answeredAt(), answerLabel, crisis.exerciseId()));
        return answer;
    }

    @Transactional
    public Rfi close(Subject subject, CrisisId crisisId, UUID rfiId, @Nullable String note) {
        access.requireAnyRole(subject, CrisisAccess.STAFF, "close RFIs");
        Crisis crisis = access.active(subject, crisisId);
        Rfi rfi = rfis.lock(crisisId, rfiId, policy.filter(subject, "r"))
                .orElseThrow(() -> NotFoundException.noVisible("RFI"));
        if (rfi.status() == Rfi.Status.CLOSED) {
            throw new RefusedException("RFI " + rfiId + " is already closed.");
        }
        String checkedNote = note == null || note.isBlank() ? null : CrisisLog.text(note);
        rfis.close(rfiId, subject.username(), clock.instant(), checkedNote);
        log.system(crisis, subject.username(), LogEntryKind.RFI_CLOSED, "RFI closed: " + rfi.question()
                + (checkedNote == null ? "" : " — " + checkedNote), rfi.label());
        audit.record(subject.username(), "CRISIS_RFI_CLOSED", "rfi:" + rfiId, "crisis " + crisisId);
        return find(subject, crisisId, rfiId);
    }

    /** Due work, for the module's poller ({@code internal}): flags open RFIs past their deadline once, logs each. */
    @Transactional
    public int flagOverdue(Instant now) {
        List<Rfi> overdue = rfis.flagOverdue(now, 100);
        for (Rfi rfi : overdue) {
            // not locked: user changes lock the crisis before the RFI, the poller holds the RFI already
            Crisis crisis = crises.get(rfi.crisisId()).orElseThrow();
            log.system(crisis, "system", LogEntryKind.RFI_OVERDUE, "RFI overdue (deadline " + Dtg.of(rfi.deadline())
                    + ", " + rfis.answers(rfi.id(), null).size() + " answers): " + rfi.question(), rfi.label());
        }
        return overdue.size();
    }

    private Rfi readable(Subject subject, Rfi rfi) {
        policy.assertReadable(subject, rfi.label(), rfi.originNation(), rfi.exerciseId(), "rfi:" + rfi.id());
        List<RfiAnswer> answers = rfis.answers(rfi.id(), policy.filter(subject, "a"));
        answers.forEach(a -> policy.assertReadable(subject, a.label(), a.nation(), a.exerciseId(),
                "rfi-answer:" + a.id()));
        return rfi.withAnswers(answers);
    }

    static String names(List<NationCode> nations) {
        return String.join(", ", nations.stream().map(NationCode::value).toList());
    }
}
