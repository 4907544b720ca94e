package org.kalkan.training.internal;

import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.kalkan.notification.AlertRequest;
import org.kalkan.notification.Alerts;
import org.kalkan.notification.Precedence;
import org.kalkan.notification.Recipients;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.security.UserDirectory;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.kalkan.training.NominationStatus;
import org.kalkan.training.NominationStatusChanged;
import org.kalkan.training.UnitCertificationLapsed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Training tells the people affected through the notification module's alerts, on behalf of the training cell (as
 * force generation does): a nation's training managers when one of its nominations waits, moves up, moves back or
 * is withdrawn (under the person's label), the coordinators when a seat was taken from the waiting list (under the
 * session's, without names), the unit's nation's training managers and force planners when a certification lapses,
 * and the nation's training managers before a qualification expires.
 */
@Component
class TrainingAlerts {

    private static final Logger log = LoggerFactory.getLogger(TrainingAlerts.class);

    private final Alerts alerts;
    private final UserDirectory users;
    private final TransactionTemplate ownTransaction;

    TrainingAlerts(Alerts alerts, UserDirectory users, PlatformTransactionManager transactions) {
        this.alerts = alerts;
        this.users = users;
        // A refused alert must not roll back the caller's transaction.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener
    void on(NominationStatusChanged changed) {
        String what = switch (changed.to()) {
            case NOMINATED -> changed.from() == null ? null : "has a seat now";
            case WAITLISTED -> changed.from() == null ? "is on the waiting list" : "is back on the waiting list";
            case WITHDRAWN -> "was withdrawn";
            case NOT_SELECTED -> "was not selected";
        };
        if (what == null) {
            return;
        }
        String text = "TRAINING: the nomination of " + changed.nation() + " person " + changed.person() + " to "
                + changed.course() + " (session from " + changed.start() + ") " + what + " — " + changed.reason();
        send(changed.nation(), changed.personLabel(), text, managersOf(changed.nation()), Precedence.ROUTINE);
        if (changed.from() == NominationStatus.WAITLISTED && changed.to() == NominationStatus.NOMINATED) {
            send(changed.sessionOrigin(), changed.sessionLabel(), "TRAINING: a waiting " + changed.nation()
                            + " nomination took a freed seat in " + changed.course() + " (session from "
                            + changed.start() + ").",
                    usernames(Role.TRAINING_COORDINATOR, null), Precedence.ROUTINE);
        }
    }

    @ApplicationModuleListener
    void on(UnitCertificationLapsed lapsed) {
        Set<String> recipients = managersOf(lapsed.nation());
        users.ofNation(lapsed.nation()).stream().filter(u -> u.has(Role.FORCE_PLANNER))
                .forEach(u -> recipients.add(u.username()));
        recipients.addAll(usernames(Role.FORCE_PLANNER, null));
        send(lapsed.nation(), lapsed.label(), "TRAINING: the certification of unit " + lapsed.unitName() + " (" + lapsed.nation() + ") for "
                + lapsed.capability() + " expired on " + lapsed.expiredOn() + "; it is not sourced for requirements "
                + "that ask for certification until it is recertified.", recipients, Precedence.PRIORITY);
    }

    /** A qualification of a person of the nation expires soon (sent by the poller, under the person's label). */
    void expiring(NationCode nation, SecurityLabel label, String text) {
        send(nation, label, text, managersOf(nation), Precedence.ROUTINE);
    }

    private Set<String> managersOf(NationCode nation) {
        return usernames(Role.TRAINING_MANAGER, nation);
    }

    private Set<String> usernames(Role role, @Nullable NationCode nation) {
        Set<String> names = new TreeSet<>();
        (nation == null ? users.withRole(role) : users.ofNation(nation).stream().filter(u -> u.has(role)).toList())
                .forEach(u -> names.add(u.username()));
        return names;
    }

    private void send(NationCode origin, SecurityLabel label, String text, Set<String> recipients,
            Precedence precedence) {
        if (recipients.isEmpty()) {
            log.warn("No one to alert: {}", text);
            return;
        }
        Subject cell = new Subject("training.cell", origin, Classification.SECRET, Set.of(Role.CRISIS_MANAGER));
        try {
            ownTransaction.executeWithoutResult(status -> alerts.raise(cell, new AlertRequest(text,
                    new Recipients(recipients, Set.of(), Set.of()), precedence, null, label, null, null)));
        } catch (IllegalArgumentException e) {
            log.warn("Training alert not sent: {}", e.getMessage());
        }
    }
}
