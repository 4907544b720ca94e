package org.kalkan.crisis;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the database for due work, against the injected clock: tasks and RFIs past their deadline are flagged
 * once and logged, and scheduled SITREPs are prepared. Everything due is in the database, so it survives
 * restarts, and rows locked by another node are skipped.
 */
@Component
class CrisisPoller {

    private static final Logger log = LoggerFactory.getLogger(CrisisPoller.class);

    private final CrisisTasks tasks;
    private final CrisisRfis rfis;
    private final Sitreps sitreps;
    private final CrisisProperties properties;
    private final Clock clock;

    CrisisPoller(CrisisTasks tasks, CrisisRfis rfis, Sitreps sitreps, CrisisProperties properties, Clock clock) {
        this.tasks = tasks;
        this.rfis = rfis;
        this.sitreps = sitreps;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 1000)
    void poll() {
        if (!properties.pollerEnabled()) {
            return;
        }
        try {
            int overdueTasks = tasks.flagOverdue(clock.instant());
            int overdueRfis = rfis.flagOverdue(clock.instant());
            int prepared = sitreps.prepareScheduled(clock.instant());
            if (overdueTasks + overdueRfis + prepared > 0) {
                log.info("crisis poller: {} task(s) and {} RFI(s) overdue, {} scheduled SITREP(s) prepared",
                        overdueTasks, overdueRfis, prepared);
            }
        } catch (DataAccessException e) {
            log.warn("crisis poller failed; retrying at the next poll", e);
        }
    }
}
