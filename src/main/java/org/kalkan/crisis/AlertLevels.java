package org.kalkan.crisis;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.kalkan.crisis.internal.AlertLevelStore;
import org.kalkan.crisis.internal.CrisisAccess;
import org.kalkan.platform.Problems;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Subject;
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

    private final AlertLevelStore store;
    private final CrisisAccess access;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertLevels(AlertLevelStore store, CrisisAccess access, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<AlertLevelState> current() {
        return store.current();
    }

    @Transactional(readOnly = true)
    public List<AlertLevelChanged> history(AlertTarget target, int limit) {
        return store.history(target, Math.max(1, Math.min(limit, 1000)));
    }

    /**
     * A crisis manager changes a level by hand, naming the decision that authorises it. Alert levels are the real
     * world's state: from inside an exercise they are refused (409, audited), never changed (ADR 0006).
     */
    @Transactional
    public AlertLevelChanged change(Subject manager, AlertTarget target, AlertLevel level, String reason,
            String decisionRef) {
        access.requireAnyRole(manager, CrisisAccess.MANAGERS, "change alert levels");
        if (manager.inExercise()) {
            audit.recordDenial(manager.username(), "ALERT_LEVEL", "alert-level:" + target,
                    "exercise " + manager.exercise() + " may not change real-world alert levels");
            throw Problems.conflict("Alert levels are real-world state: an exercise cannot change them. Record the "
                    + "exercise level in the crisis log instead.");
        }
        return change(target, level, reason, decisionRef, manager.username());
    }

    /**
     * For other modules' listeners (e.g. council's {@code MeasureActivated(RAISE_ALERT_LEVEL)}): sets the level
     * of a member state or region on behalf of {@code actor}, recording why and under which decision. A nation
     * must be a member state; a region is added on its first change. Setting the current level again changes
     * nothing and returns a change from and to that level. Audited in the caller's transaction.
     */
    @Transactional
    public AlertLevelChanged change(AlertTarget target, AlertLevel level, String reason, String decisionRef,
            String actor) {
        String why = required(reason, "reason");
        String decision = required(decisionRef, "decisionRef");
        String who = required(actor, "actor");
        Instant now = clock.instant();
        if (target.kind() == AlertTarget.Kind.REGION) {
            store.ensureRegion(target, now);
        }
        AlertLevelState current = store.lock(target).orElseThrow(() -> new IllegalArgumentException(
                "no alert level for " + target + ": nations are the member states"));
        AlertLevelChanged change = new AlertLevelChanged(target, current.level(), level, who, now, why, decision);
        if (current.level() == level) {
            return change;
        }
        store.change(change);
        audit.record(who, "ALERT_LEVEL", "alert-level:" + target, current.level() + " → " + level + " under "
                + decision + ": " + why);
        events.publishEvent(change);
        return change;
    }

    private static String required(String text, String field) {
        return Texts.required(text, field, MAX_TEXT);
    }
}
