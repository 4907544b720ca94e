package org.kalkan.crisis;

import org.kalkan.security.LabelAccessDeniedException;
import org.kalkan.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kalkan.crisis.internal.CrisisAccess;
import org.kalkan.crisis.internal.CrisisStore;
import org.kalkan.crisis.internal.SitrepDrafter;
import org.kalkan.crisis.internal.SitrepPdf;
import org.kalkan.crisis.internal.SitrepStore;
import org.kalkan.incident.IncidentId;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.incident.Incidents;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.LabelFilter;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.ExerciseContexts;
import org.kalkan.security.Subject;
import org.kalkan.security.UserDirectory;
import org.kalkan.security.UserSummary;
import org.kalkan.shared.Dtg;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.SecurityLabel;
import org.kalkan.shared.VersionConflictException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbered SITREPs (1, 2, 3 … per crisis): prepared on demand or on the crisis's schedule, pre-filled from the
 * crisis state, edited while a draft, then issued — after which they never change — and exported as PDF or JSON.
 */
@Service
public class Sitreps {

    private final SitrepStore sitreps;
    private final CrisisStore crises;
    private final CrisisAccess access;
    private final SitrepDrafter drafter;
    private final SitrepPdf pdf;
    private final CrisisLog log;
    private final Incidents incidents;
    private final UserDirectory users;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate separately;
    private final ObjectProvider<ExerciseContexts> exercises;

    Sitreps(SitrepStore sitreps, CrisisStore crises, CrisisAccess access, SitrepDrafter drafter, SitrepPdf pdf,
            CrisisLog log, Incidents incidents, UserDirectory users, AccessPolicy policy, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions,
            ObjectProvider<ExerciseContexts> exercises) {
        this.exercises = exercises;
        this.sitreps = sitreps;
        this.crises = crises;
        this.access = access;
        this.drafter = drafter;
        this.pdf = pdf;
        this.log = log;
        this.incidents = incidents;
        this.users = users;
        this.policy = policy;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.separately.setReadOnly(true);
    }

    /**
     * Prepares the next SITREP as a draft pre-filled from the crisis state; without a label it takes the crisis's.
     * While a draft the subject can read exists no other is prepared (409).
     */
    @Transactional
    public Sitrep prepare(Subject subject, CrisisId crisisId, @Nullable SecurityLabel label) {
        access.requireAnyRole(subject, CrisisAccess.STAFF, "prepare SITREPs");
        Crisis crisis = access.active(subject, crisisId);
        SecurityLabel sitrepLabel = label == null ? crisis.label() : label;
        access.checkWritable(subject, sitrepLabel);
        // Only a draft the subject can see holds theirs back: a hidden draft is never named, nor its number or state
        // revealed by a refusal, and the subject's SITREP is numbered among those they see.
        LabelFilter visible = policy.filter(subject, "s");
        sitreps.draftNumber(crisisId, visible).ifPresent(n -> {
            throw new RefusedException("SITREP " + sitreps.visibleNumber(crisisId, n, visible)
                    + " is still a draft: issue it before preparing another.");
        });
        Sitrep prepared = draft(crisis, sitrepLabel, subject, subject.username());
        return prepared.numbered(sitreps.visibleNumber(crisisId, prepared.number(), visible));
    }

    @Transactional(readOnly = true)
    public List<Sitrep> list(Subject subject, CrisisId crisisId) {
        access.readable(subject, crisisId);
        List<Sitrep> list = sitreps.list(crisisId, policy.filter(subject, "s"));
        list.forEach(s -> policy.assertReadable(subject, s.label(), s.originNation(), s.exerciseId(), target(s)));
        List<Sitrep> numbered = new ArrayList<>();
        for (Sitrep sitrep : list) {
            numbered.add(sitrep.numbered(numbered.size() + 1));
        }
        return numbered;
    }

    /** The {@code number}-th SITREP of the crisis among those the subject may read (numbered as they know it). */
    @Transactional(readOnly = true)
    public Sitrep find(Subject subject, CrisisId crisisId, int number) {
        return locate(subject, crisisId, number).shown();
    }

    /** A SITREP as its reader knows it, and the number it is stored under. */
    private record Located(int stored, Sitrep shown) {
    }

    private Located locate(Subject subject, CrisisId crisisId, int number) {
        access.readable(subject, crisisId);
        Sitrep sitrep = sitreps.findVisible(crisisId, number, policy.filter(subject, "s"))
                .orElseThrow(() -> NotFoundException.noVisible("SITREP"));
        policy.assertReadable(subject, sitrep.label(), sitrep.originNation(), sitrep.exerciseId(), target(sitrep));
        return new Located(sitrep.number(), sitrep.numbered(number));
    }

    /** Replaces a draft's sections, based on {@code expectedVersion}. An issued SITREP or a stale version: 409. */
    @Transactional
    public Sitrep edit(Subject subject, CrisisId crisisId, int number, SitrepSections sections, int expectedVersion) {
        access.requireAnyRole(subject, CrisisAccess.STAFF, "edit SITREPs");
        access.active(subject, crisisId);
        Located at = locate(subject, crisisId, number);
        Sitrep current = at.shown();
        requireDraft(current);
        if (!sitreps.edit(crisisId, at.stored(), sections, expectedVersion, clock.instant())) {
            throw new VersionConflictException("SITREP " + number + " was changed by someone else (now version "
                    + current.version() + "); reload and try again.");
        }
        audit.record(subject.username(), "CRISIS_SITREP_EDITED", target(crisisId, at.stored()), "v" + expectedVersion);
        return sitreps.find(crisisId, at.stored()).orElseThrow().numbered(number);
    }

    /**
     * When the crisis changed (in what the subject may read of its log) after the draft was prepared, if it did:
     * the draft no longer tells the whole story and may be {@linkplain #refresh refreshed}. Empty for an issued one.
     */
    @Transactional(readOnly = true)
    public Optional<Instant> changedSince(Subject subject, Sitrep sitrep) {
        return sitrep.issued() ? Optional.empty() : log.lastChangeAfter(subject, sitrep.crisisId(), sitrep.periodTo());
    }

    /**
     * Prepares a draft again from the crisis as it is now (same period start, ending now), replacing its sections,
     * based on {@code expectedVersion}. An issued SITREP or a stale version: 409.
     */
    @Transactional
    public Sitrep refresh(Subject subject, CrisisId crisisId, int number, int expectedVersion) {
        access.requireAnyRole(subject, CrisisAccess.STAFF, "refresh SITREPs");
        Crisis crisis = access.active(subject, crisisId);
        Sitrep current = find(subject, crisisId, number);
        requireDraft(current);
        Instant now = clock.instant();
        SitrepSections sections = drafter.draft(crisis, current.label(), subject, readableIncidents(subject, crisis),
                current.periodFrom(), now);
        if (!sitreps.refresh(crisisId, number, sections, now, expectedVersion)) {
            throw new VersionConflictException("SITREP " + number + " was changed by someone else (now version "
                    + current.version() + "); reload and try again.");
        }
        audit.record(subject.username(), "CRISIS_SITREP_REFRESHED", target(current), "v" + expectedVersion);
        return sitreps.find(crisisId, number).orElseThrow();
    }

    /** A crisis manager issues a draft: from then on it is immutable and may be exported. */
    @Transactional
    public Sitrep issue(Subject manager, CrisisId crisisId, int number) {
        access.requireAnyRole(manager, CrisisAccess.MANAGERS, "issue SITREPs");
        Crisis crisis = access.active(manager, crisisId);
        Located at = locate(manager, crisisId, number);
        Sitrep current = at.shown();
        requireDraft(current);
        sitreps.issue(crisisId, at.stored(), manager.username(), clock.instant());
        // The log names the SITREP by its period: its number depends on who reads the log.
        log.system(crisis, manager.username(), LogEntryKind.SITREP_ISSUED, "SITREP " + period(current)
                + " issued (" + current.label().marking() + ")", current.label());
        audit.record(manager.username(), "CRISIS_SITREP_ISSUED", target(crisisId, at.stored()),
                current.label().marking());
        events.publishEvent(new SitrepIssued(crisisId, at.stored(), manager.username(), current.label()));
        return sitreps.find(crisisId, at.stored()).orElseThrow().numbered(number);
    }

    /** The issued SITREP as PDF, its marking on every page; a draft is not exported (409). The export is audited. */
    @Transactional
    public byte[] pdf(Subject subject, CrisisId crisisId, int number) {
        Crisis crisis = access.readable(subject, crisisId);
        Located at = issued(subject, crisisId, number);
        Sitrep sitrep = at.shown();
        audit.record(subject.username(), "CRISIS_SITREP_EXPORTED", target(crisisId, at.stored()),
                "PDF " + sitrep.label().marking());
        ExerciseContexts known = exercises.getIfAvailable();
        String exerciseName = crisis.exerciseId() == null || known == null ? null
                : known.name(crisis.exerciseId()).orElse(null);
        return pdf.render(crisis, sitrep, exerciseName);
    }

    /** The issued SITREP for a JSON export; a draft is refused (409). */
    @Transactional
    public Sitrep export(Subject subject, CrisisId crisisId, int number) {
        Located at = issued(subject, crisisId, number);
        Sitrep sitrep = at.shown();
        audit.record(subject.username(), "CRISIS_SITREP_EXPORTED", target(crisisId, at.stored()),
                "JSON " + sitrep.label().marking());
        return sitrep;
    }

    /**
     * Due work, for the module's poller ({@code internal}): prepares the due scheduled SITREPs (on behalf of the crisis's opener, so only what they may
     * read goes in) and moves each schedule on. A crisis that still has a draft gets no second one.
     */
    @Transactional
    public int prepareScheduled(Instant now) {
        int prepared = 0;
        for (CrisisId id : crises.sitrepDue(now, 20)) {
            Crisis crisis = crises.lock(id).orElseThrow();
            Instant next = crisis.nextSitrepAt();
            while (next != null && crisis.sitrepEvery() != null && !next.isAfter(now)) {
                next = next.plus(crisis.sitrepEvery());
            }
            crises.schedule(id, crisis.sitrepEvery(), next, now);
            // The opener reads in the crisis's own context: an exercise crisis's SITREP holds its exercise's records.
            var author = users.find(crisis.openedBy()).filter(UserSummary::enabled).map(UserSummary::subject)
                    .map(s -> crisis.exerciseId() == null ? s : s.inExercise(crisis.exerciseId()));
            if (sitreps.draftNumber(id).isPresent() || author.isEmpty()) {
                continue;
            }
            draft(crisis, crisis.label(), author.get(), "system");
            prepared++;
        }
        return prepared;
    }

    private Sitrep draft(Crisis crisis, SecurityLabel label, Subject reader, String author) {
        Instant now = clock.instant();
        Instant from = sitreps.lastPeriodEnd(crisis.id(), policy.filter(reader, "s")).orElse(crisis.openedAt());
        SitrepSections sections = drafter.draft(crisis, label, reader, readableIncidents(reader, crisis), from, now);
        int number = sitreps.nextNumber(crisis.id());
        sitreps.insert(crisis.id(), number, from, now, crisis.phase(), sections, author, label, crisis.originNation());
        log.system(crisis, author, LogEntryKind.SITREP_PREPARED, "SITREP " + Dtg.of(from) + " – " + Dtg.of(now)
                + " prepared (draft)", label);
        audit.record(author, "CRISIS_SITREP_PREPARED", target(crisis.id(), number), label.marking());
        return sitreps.find(crisis.id(), number).orElseThrow();
    }

    private List<IncidentSummary> readableIncidents(Subject reader, Crisis crisis) {
        List<IncidentSummary> readable = new ArrayList<>();
        for (IncidentId id : crisis.incidentIds()) {
            try {
                // In its own transaction: a refusal must not mark the SITREP's transaction rollback-only.
                readable.add(separately.execute(status -> incidents.find(reader, id)));
            } catch (NotFoundException | LabelAccessDeniedException notReadable) {
                // left out of the SITREP: its reader may no longer read it (the refusal is audited)
            }
        }
        return readable;
    }

    private Located issued(Subject subject, CrisisId crisisId, int number) {
        Located at = locate(subject, crisisId, number);
        if (!at.shown().issued()) {
            throw new RefusedException("SITREP " + number + " is a draft; only issued SITREPs are exported.");
        }
        return at;
    }

    private static void requireDraft(Sitrep sitrep) {
        if (sitrep.issued()) {
            throw new RefusedException("SITREP " + sitrep.number() + " was issued " + sitrep.issuedAt()
                    + " and is immutable.");
        }
    }

    /** The SITREP as the audit names it: by its stored number (the audit is read by administrators only). */
    private static String target(Sitrep stored) {
        return target(stored.crisisId(), stored.number());
    }

    private static String target(CrisisId crisis, int stored) {
        return "sitrep:" + crisis + "/" + stored;
    }

    private static String period(Sitrep sitrep) {
        return Dtg.of(sitrep.periodFrom()) + " – " + Dtg.of(sitrep.periodTo());
    }
}
