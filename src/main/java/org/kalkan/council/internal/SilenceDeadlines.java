package org.kalkan.council.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.kalkan.cluster.Lease;
import org.kalkan.council.DecisionId;
import org.kalkan.council.DecisionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends silence procedures (adopting, or refusing a decision that no longer meets the rules as it takes effect,
 * see {@link Adoption}). The deadline is in the database, so it survives restarts: every poll (and every read
 * of a decision) adopts what is due, each in its own transaction with the row locked, at exactly its deadline —
 * never at the time of the poll. A break holds the same lock and is refused from the deadline on, so a break and
 * the adoption cannot both win.
 */
@Component
class SilenceDeadlines {

    private static final Logger log = LoggerFactory.getLogger(SilenceDeadlines.class);

    private final Decisions decisions;
    private final Adoption adoption;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Counter adopted;
    private final Counter failed;
    private final Lease lease;

    SilenceDeadlines(Decisions decisions, Adoption adoption, Clock clock, PlatformTransactionManager transactions,
            MeterRegistry meters, Lease lease) {
        this.lease = lease;
        this.decisions = decisions;
        this.adoption = adoption;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.adopted = Counter.builder("kalkan.council.silence.adopted")
                .description("Decisions adopted at the end of their silence procedure").register(meters);
        this.failed = Counter.builder("kalkan.council.silence.adoption.failures")
                .description("Adoptions at the end of silence that failed and wait for the next poll").register(meters);
    }

    /** Polls on the instance holding the lease only (a read adopts too, on any instance, under the row lock). */
    @Scheduled(fixedDelayString = "${kalkan.council.silence-poll:PT1S}")
    void adoptDue() {
        lease.runIfHeld("council.silence", this::adoptAllDue);
    }

    private void adoptAllDue() {
        for (DecisionId id : decisions.dueBy(clock.instant())) {
            try {
                adoptIfDue(id);
            } catch (DataAccessException e) {
                failed.increment();
                log.error("Could not adopt decision {} at the end of its silence; retrying at the next poll", id, e);
            }
        }
    }

    /** Adopts the decision if its silence has ended; true when this call adopted it. */
    boolean adoptIfDue(DecisionId id) {
        Boolean done = transaction.execute(status -> decisions.lock(id)
                .filter(row -> row.silenceEndedBy(clock.instant()))
                .map(row -> {
                    adoption.adopt(row, DecisionStatus.ADOPTED, row.endOfSilence(), "system").ifPresentOrElse(
                            number -> log.info("Decision {} adopted at the end of its silence, {}, as {}", id,
                                    row.silenceEndsAt(), number),
                            () -> log.warn("Decision {} not adopted at the end of its silence: it no longer meets "
                                    + "the rules of a binding decision", id));
                    return true;
                })
                .orElse(false));
        if (Boolean.TRUE.equals(done)) {
            adopted.increment();
            return true;
        }
        return false;
    }
}
