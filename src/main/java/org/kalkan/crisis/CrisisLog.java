package org.kalkan.crisis;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NotFoundException;
import org.kalkan.crisis.internal.CrisisAccess;
import org.kalkan.crisis.internal.CrisisStore;
import org.kalkan.crisis.internal.LogStore;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Subject;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only crisis log. People add notes and corrections (a correction references the entry it corrects;
 * nothing is edited or deleted); the system and other modules append generated entries through
 * {@link #append(CrisisId, String, String, LogEntryKind)}.
 */
@Service
public class CrisisLog {

    public static final int MAX_TEXT = 10_000;
    public static final int DEFAULT_LIMIT = 500;
    private static final Logger log = LoggerFactory.getLogger(CrisisLog.class);

    private final LogStore entries;
    private final CrisisStore crises;
    private final CrisisAccess access;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    CrisisLog(LogStore entries, CrisisStore crises, CrisisAccess access, AccessPolicy policy, AuditTrail audit,
            Clock clock) {
        this.entries = entries;
        this.crises = crises;
        this.access = access;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** When the crisis last changed after {@code after}, in what the subject may read of its log. */
    Optional<Instant> lastChangeAfter(Subject subject, CrisisId crisisId, Instant after) {
        return entries.lastChangeAfter(crisisId, after, policy.filter(subject, "e"));
    }

    /** The latest entries of the crisis the subject may read, oldest first. */
    @Transactional(readOnly = true)
    public List<LogEntry> entries(Subject subject, CrisisId crisisId, int limit) {
        access.readable(subject, crisisId);
        List<LogEntry> list = entries.list(crisisId, policy.filter(subject, "e"), Math.max(1, Math.min(limit, 5000)));
        list.forEach(e -> policy.assertReadable(subject, e.label(), e.originNation(), e.exerciseId(),
                "crisis-log:" + e.id()));
        return list;
    }

    /**
     * A team member writes a note, or with {@code corrects} a correction of an entry they can read. Without a
     * label the entry takes the crisis's label.
     */
    @Transactional
    public LogEntry write(Subject subject, CrisisId crisisId, @Nullable String text, @Nullable SecurityLabel label,
            @Nullable UUID corrects) {
        access.requireParticipant(subject, "write in a crisis log");
        String checked = text(text);
        Crisis crisis = access.active(subject, crisisId);
        SecurityLabel entryLabel = label == null ? crisis.label() : label;
        access.checkWritable(subject, entryLabel);
        if (corrects != null) {
            entries.find(crisisId, corrects, policy.filter(subject, "e"))
                    .orElseThrow(() -> NotFoundException.noVisible("log entry"));
        }
        LogEntry entry = entries.append(crisisId, clock.instant(), subject.username(),
                corrects == null ? LogEntryKind.NOTE : LogEntryKind.CORRECTION, checked, corrects, entryLabel,
                subject.nation());
        audit.record(subject.username(), "CRISIS_LOG", "crisis:" + crisisId,
                entry.kind() + " " + entry.id() + " " + entryLabel.marking()
                        + (corrects == null ? "" : " corrects " + corrects));
        return entries.numberedFor(entry, policy.filter(subject, "e"));
    }

    /**
     * For other modules' event listeners (flash-alert escalation, council decisions, activated measures): appends a
     * generated entry by {@code author} (e.g. {@code "notification"}) under the crisis's own label, also to a
     * closed crisis. Audited in the caller's transaction. Empty when there is no crisis with that id.
     */
    @Transactional
    public Optional<LogEntry> append(CrisisId crisisId, String author, String text, LogEntryKind kind) {
        return crises.lock(crisisId).map(crisis -> system(crisis, author, kind, text, crisis.label()));
    }

    /**
     * As {@link #append(CrisisId, String, String, LogEntryKind, SecurityLabel)} for a record of the context
     * {@code exercise} (null = real world): only into a crisis of the same context, so a real-world event never
     * writes into an exercise crisis nor the other way round (ADR 0006). Empty when there is no such crisis.
     */
    @Transactional
    public Optional<LogEntry> append(CrisisId crisisId, String author, String text, LogEntryKind kind,
            SecurityLabel label, @Nullable UUID exercise) {
        return crises.lock(crisisId).filter(crisis -> java.util.Objects.equals(crisis.exerciseId(), exercise))
                .map(crisis -> system(crisis, author, kind, text, label));
    }

    /** As {@link #append(CrisisId, String, String, LogEntryKind)}, under the given label (e.g. a decision's own). */
    @Transactional
    public Optional<LogEntry> append(CrisisId crisisId, String author, String text, LogEntryKind kind,
            SecurityLabel label) {
        return crises.lock(crisisId).map(crisis -> system(crisis, author, kind, text, label));
    }

    /** A generated entry, in the caller's transaction; its label is that of the record it speaks about. */
    LogEntry system(Crisis crisis, String author, LogEntryKind kind, String text, SecurityLabel label) {
        if (author.isBlank()) {
            throw new IllegalArgumentException("a log entry needs an author");
        }
        String checked = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        NationCode origin = crisis.originNation();
        LogEntry entry = entries.append(crisis.id(), clock.instant(), author, kind, checked, null, label, origin);
        audit.record(author, "CRISIS_LOG", "crisis:" + crisis.id(), kind + " " + entry.id() + " " + label.marking());
        log.debug("crisis {} log: {} {}", crisis.id(), kind, checked);
        return entry;
    }

    static String text(@Nullable String text) {
        return Texts.required(text, "text", MAX_TEXT);
    }
}
