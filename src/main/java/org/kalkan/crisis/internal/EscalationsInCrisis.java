package org.kalkan.crisis.internal;

import org.kalkan.crisis.CrisisId;
import org.kalkan.crisis.CrisisLog;
import org.kalkan.crisis.LogEntryKind;
import org.kalkan.notification.RecipientEscalated;
import org.kalkan.shared.Dtg;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A flash alert of a crisis that a recipient let expire is escalated; the crisis log records it. */
@Component
class EscalationsInCrisis {

    private final CrisisLog crisisLog;

    EscalationsInCrisis(CrisisLog crisisLog) {
        this.crisisLog = crisisLog;
    }

    @ApplicationModuleListener
    void on(RecipientEscalated escalated) {
        if (escalated.crisisId() == null) {
            return;
        }
        crisisLog.append(new CrisisId(escalated.crisisId()), "notification", "Alert " + escalated.alertId()
                        + " not acknowledged by " + escalated.username() + " (" + escalated.nation() + ") by "
                        + Dtg.of(escalated.deadline()) + "; escalated to " + escalated.nation()
                        + "'s points of contact and the watch officers", LogEntryKind.ALERT_ESCALATED,
                escalated.label(), escalated.exerciseId());
    }
}
