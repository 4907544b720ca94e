package org.kalkan.crisis;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.kalkan.crisis.internal.AlertLevelStore;
import org.kalkan.crisis.internal.CrisisAccess;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Subject;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.SecurityLabel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alert levels per member state and per named region. Levels are organisation-wide and unclassified; every
 * change records who, when, why and under which decision, and publishes {@link AlertLevelChanged}.
 */
@Service
public class AlertLevels {

    public static final int MAX_TEXT = 1000;

    /** The actor of changes made by Council measures. */
    public static final String COUNCIL = "council";

    private final AlertLevelStore store;
    private final AccessPolicy policy;
    private final CrisisAccess access;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertLevels(AlertLevelStore store, AccessPolicy policy, CrisisAccess access, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.policy = policy;
        this.store = store;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** What a reader sees in place of the register number of a Council decision they may not read. */
    public static final String WITHHELD = "Council decision (not releasable to you)";

    /**
     * The current levels as {@code reader} sees them: the register number of a Council decision the reader may not
     * read is withheld, so a level never reveals a decision above its reader.
     */
    @Transactional(readOnly = true)
    public List<AlertLevelState> current(Subject reader) {
        return store.current().stream()
                .map(s -> mayRead(reader, s.changedBy(), s.decisionLabel()) ? s : s.withheld(WITHHELD)).toList();
    }

    /** The target's changes, newest first, as {@code reader} sees them (see {@link #current(Subject)}). */
    @Transactional(readOnly = true)
    public List<AlertLevelChanged> history(Subject reader, AlertTarget target, int limit) {
        return store.history(target, Math.max(1, Math.min(limit, 1000))).stream()
                .map(c -> mayRead(reader, c.actor(), c.decisionLabel()) ? c : c.withheld(WITHHELD)).toList();
    }

    /**
     * Council decisions that change levels are real-world records: read as the reader in the real world. A change
     * by the Council without a kept label (from before labels were kept) is withheld from everyone.
     */
    private boolean mayRead(Subject reader, String changedBy, @Nullable SecurityLabel decisionLabel) {
        if (decisionLabel == null) {
            return !COUNCIL.equals(changedBy);
        }
        return policy.canRead(reader.inRealWorld(), decisionLabel, null);
    }

    /**
     * A crisis manager changes a level by hand, naming the decision that authorises it. Alert levels are the real
     * world's state: from inside an exercise they are refused (409, audited), never changed (ADR 0006).
     */
    @Transactional
    public AlertLevelChanged change(Subject manager, AlertTarget target, AlertLevel level, @Nullable String reason,
            @Nullable String decisionRef) {
        access.requireAnyRole(manager, CrisisAccess.MANAGERS, "change alert levels");
        if (manager.inExercise()) {
            audit.recordDenial(manager.username(), "ALERT_LEVEL", "alert-level:" + target,
                    "exercise " + manager.exercise() + " may not change real-world alert levels");
            throw new RefusedException("Alert levels are real-world state: an exercise cannot change them. Record the "
                    + "exercise level in the crisis log instead.");
        }
        return change(target, level, reason, decisionRef, manager.username(), null);
    }

    /**
     * For other modules' listeners (e.g. council's {@code MeasureActivated(RAISE_ALERT_LEVEL)}): sets the level
     * of a member state or region on behalf of {@code actor}, recording why and under which decision (and that
     * decision's label, which decides who sees its register number). A nation
     * must be a member state; a region is added on its first change. Setting the current level again changes
     * nothing and returns a change from and to that level. Audited in the caller's transaction.
     */
    @Transactional
    public AlertLevelChanged change(AlertTarget target, AlertLevel level, @Nullable String reason,
            @Nullable String decisionRef,
            String actor, @Nullable SecurityLabel decisionLabel) {
        String why = required(reason, "reason");
        String decision = required(decisionRef, "decisionRef");
        String who = required(actor, "actor");
        Instant now = clock.instant();
        if (target.kind() == AlertTarget.Kind.REGION) {
            store.ensureRegion(target, now);
        }
        AlertLevelState current = store.lock(target).orElseThrow(() -> new IllegalArgumentException(
                "no alert level for " + target + ": nations are the member states"));
        AlertLevelChanged change = new AlertLevelChanged(target, current.level(), level, who, now, why, decision,
                decisionLabel);
        if (current.level() == level) {
            return change;
        }
        store.change(change);
        audit.record(who, "ALERT_LEVEL", "alert-level:" + target, current.level() + " → " + level + " under "
                + decision + ": " + why);
        events.publishEvent(change);
        return change;
    }

    private static String required(@Nullable String text, String field) {
        return Texts.required(text, field, MAX_TEXT);
    }
}
