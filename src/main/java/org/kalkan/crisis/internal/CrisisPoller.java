package org.kalkan.crisis.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.kalkan.crisis.CrisisProperties;
import org.kalkan.crisis.CrisisRfis;
import org.kalkan.crisis.CrisisTasks;
import org.kalkan.crisis.Sitreps;
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
    private final Counter overdueTasks;
    private final Counter overdueRfis;
    private final Counter scheduledSitreps;
    private final Counter failures;

    CrisisPoller(CrisisTasks tasks, CrisisRfis rfis, Sitreps sitreps, CrisisProperties properties, Clock clock,
            MeterRegistry meters) {
        this.tasks = tasks;
        this.rfis = rfis;
        this.sitreps = sitreps;
        this.properties = properties;
        this.clock = clock;
        this.overdueTasks = meters.counter("kalkan.crisis.tasks.overdue");
        this.overdueRfis = meters.counter("kalkan.crisis.rfis.overdue");
        this.scheduledSitreps = meters.counter("kalkan.crisis.sitreps.scheduled");
        this.failures = meters.counter("kalkan.crisis.poller.failures");
    }

    @Scheduled(fixedDelay = 1000)
    void poll() {
        if (!properties.pollerEnabled()) {
            return;
        }
        try {
            int tasksFlagged = tasks.flagOverdue(clock.instant());
            int rfisFlagged = rfis.flagOverdue(clock.instant());
            int prepared = sitreps.prepareScheduled(clock.instant());
            overdueTasks.increment(tasksFlagged);
            overdueRfis.increment(rfisFlagged);
            scheduledSitreps.increment(prepared);
            if (tasksFlagged + rfisFlagged + prepared > 0) {
                log.info("crisis poller: {} task(s) and {} RFI(s) overdue, {} scheduled SITREP(s) prepared",
                        tasksFlagged, rfisFlagged, prepared);
            }
        } catch (DataAccessException e) {
            failures.increment();
            log.warn("crisis poller failed; retrying at the next poll", e);
        }
    }
}
