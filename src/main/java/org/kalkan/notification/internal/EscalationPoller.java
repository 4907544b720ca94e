package org.kalkan.notification.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Asks the database every second for passed deadlines; each batch is its own transaction. */
@Component
class EscalationPoller {

    private final Escalations escalations;

    EscalationPoller(Escalations escalations) {
        this.escalations = escalations;
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void poll() {
        int escalated;
        do {
            escalated = escalations.escalateDue();
        } while (escalated == Escalations.BATCH);
    }
}
