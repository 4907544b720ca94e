package org.kalkan.force.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.kalkan.force.ForcesRequested;
import org.kalkan.force.SourcingPlanSubmitted;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Force generation alerts people through the notification module, on behalf of the force generation cell (as
 * the Council's alerts are sent on behalf of its secretariat): a request reaches the asked nation's officers,
 * at PRIORITY when the requirement is needed within 72 hours, else ROUTINE; a submitted plan reaches the chair.
 * They name no crisis: an alert's crisis must be one its sender may see (the cell is on no crisis team), and the
 * text names the requirement or plan instead.
 */
@Component
class ForceAlerts {

    private static final Logger log = LoggerFactory.getLogger(ForceAlerts.class);
    private static final Duration URGENT = Duration.ofHours(72);

    private final Alerts alerts;
    private final UserDirectory users;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    ForceAlerts(Alerts alerts, UserDirectory users, PlatformTransactionManager transactions, Clock clock) {
        this.alerts = alerts;
        this.users = users;
        this.clock = clock;
        // A refused alert must not roll back the listener's transaction, which completes the event publication.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener
    void on(ForcesRequested request) {
        Precedence precedence = request.neededBy().isBefore(clock.instant().plus(URGENT)) ? Precedence.PRIORITY
                : Precedence.ROUTINE;
        for (String nation : request.nations()) {
            Set<String> officers = new TreeSet<>();
            users.ofNation(NationCode.of(nation)).stream()
                    .filter(u -> u.has(Role.REPORTING_OFFICER) || u.has(Role.FORCE_PLANNER))
                    .forEach(u -> officers.add(u.username()));
            if (officers.isEmpty()) {
                log.warn("No officer of {} to alert of the request for requirement {}", nation, request.requirementId());
                continue;
            }
            send(request.originNation(), request.label(), new AlertRequest("FORCE REQUEST to " + nation + ": " + request.quantity()
                    + " x " + request.capability() + " in " + request.country() + " by " + request.neededBy()
                    + " (requirement " + request.requirementId() + "). Offer a unit or decline on the Forces page.",
                    new Recipients(officers, Set.of(), Set.of()), precedence, null, request.label(),
                    null, null));
        }
    }

    @ApplicationModuleListener
    void on(SourcingPlanSubmitted submitted) {
        send(submitted.originNation(), submitted.label(), new AlertRequest("SOURCING PLAN " + submitted.planId() + " submitted by "
                + submitted.submittedBy() + " for Council approval: " + submitted.assignments() + " unit(s), "
                + submitted.gaps() + " gap(s). Circulate it from the plan page.",
                new Recipients(Set.of(), Set.of(Role.COUNCIL_CHAIR), Set.of()), Precedence.PRIORITY, null,
                submitted.label(), null, null));
    }

    private void send(String origin, SecurityLabel label, AlertRequest request) {
        Subject cell = new Subject("force.generation", NationCode.of(origin), Classification.SECRET,
                Set.of(Role.CRISIS_MANAGER));
        try {
            ownTransaction.executeWithoutResult(status -> alerts.raise(cell, request));
        } catch (IllegalArgumentException e) {
            log.warn("Force alert not sent: {}", e.getMessage());
        }
    }
}
