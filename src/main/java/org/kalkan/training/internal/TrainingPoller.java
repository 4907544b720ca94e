package org.kalkan.training.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.kalkan.force.ForceRegistry;
import org.kalkan.force.ForceUnit;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.training.TrainingProperties;
import org.kalkan.training.UnitCertificationLapsed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks in the database for what is due, so nothing depends on the node having run at the moment: reminders before
 * a qualification expires, the record that it expired (after its grace period), and the lapse of a unit
 * certification, announced once as {@link UnitCertificationLapsed}. Each item is handled in its own transaction.
 */
@Component
class TrainingPoller {

    private static final Logger log = LoggerFactory.getLogger(TrainingPoller.class);

    private final PersonStore people;
    private final CertificationStore certifications;
    private final ForceRegistry forces;
    private final TrainingAlerts alerts;
    private final TrainingAccess access;
    private final TrainingProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TrainingPoller(PersonStore people, CertificationStore certifications, ForceRegistry forces, TrainingAlerts alerts,
            TrainingAccess access, TrainingProperties properties, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, Clock clock) {
        this.people = people;
        this.certifications = certifications;
        this.forces = forces;
        this.alerts = alerts;
        this.access = access;
        this.properties = properties;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${kalkan.training.poll-interval:PT1M}", initialDelayString = "PT10S")
    void scheduled() {
        if (properties.pollerEnabled()) {
            poll();
        }
    }

    /** One pass; returns how many items it handled. */
    int poll() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int handled = 0;
        for (PersonStore.Due due : people.dueForReminder(today.plus(properties.reminderBefore()))) {
            Boolean mine = transaction.execute(status -> {
                if (!people.reminded(due.id(), clock.instant())) {
                    return false;
                }
                access.recordAs("training", "QUALIFICATION_REMINDER", "person:" + due.person(), due.code()
                        + " valid until " + due.validUntil());
                return true;
            });
            if (Boolean.TRUE.equals(mine)) {
                alerts.expiring(due.nation(), due.label(), "TRAINING: the " + due.code() + " qualification of "
                        + due.name() + " (" + due.nation() + ") is valid until " + due.validUntil() + " (grace until "
                        + due.graceUntil() + "); nominate them for recertification.");
                handled++;
            }
        }
        for (PersonStore.Due due : people.dueForExpiry(today)) {
            transaction.executeWithoutResult(status -> {
                if (people.expired(due.id(), clock.instant())) {
                    access.recordAs("training", "QUALIFICATION_EXPIRED", "person:" + due.person(), due.code()
                            + " expired (valid until " + due.validUntil() + ", grace until " + due.graceUntil() + ")");
                }
            });
            handled++;
        }
        for (CertificationStore.Lapse lapse : certifications.lapsed(today)) {
            try {
                transaction.executeWithoutResult(status -> {
                    ForceUnit unit = forces.find(new Subject("training", lapse.nation(), Classification.SECRET,
                            Set.of()), lapse.unit());
                    if (!certifications.announced(lapse.id(), clock.instant())) {
                        return;
                    }
                    access.recordAs("training", "UNIT_CERTIFICATION_LAPSED", "unit:" + lapse.unit(),
                            lapse.capability() + " expired on " + lapse.validUntil());
                    events.publishEvent(new UnitCertificationLapsed(lapse.unit(), unit.details().name(), lapse.nation(), lapse.capability(),
                            lapse.validUntil(), unit.details().label()));
                });
                handled++;
            } catch (RuntimeException e) { // one unit's failure must not stop the others
                log.warn("certification lapse of unit {} not announced; retrying at the next poll", lapse.unit(), e);
            }
        }
        return handled;
    }
}
