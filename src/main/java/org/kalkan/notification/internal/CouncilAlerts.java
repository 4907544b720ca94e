package org.kalkan.notification.internal;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kalkan.council.ConsultationRequested;
import org.kalkan.council.SilenceBroken;
import org.kalkan.notification.AlertRequest;
import org.kalkan.notification.Alerts;
import org.kalkan.notification.Precedence;
import org.kalkan.notification.Recipients;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
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
 * The Council's procedures alert its members at FLASH precedence: a request for consultations, and a broken
 * silence, reach every delegate and the chair cleared for the record's label. Sent on behalf of the Council
 * secretariat, with the originating nation as the alert's origin.
 */
@Component
class CouncilAlerts {

    private static final Logger log = LoggerFactory.getLogger(CouncilAlerts.class);
    private static final Recipients COUNCIL = new Recipients(Set.of(),
            Set.of(Role.COUNCIL_DELEGATE, Role.COUNCIL_CHAIR), Set.of());

    private final Alerts alerts;
    private final TransactionTemplate ownTransaction;

    CouncilAlerts(Alerts alerts, PlatformTransactionManager transactions) {
        this.alerts = alerts;
        // A refused alert must not roll back the listener's transaction, which completes the event publication.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener
    void on(ConsultationRequested request) {
        String grounds = request.grounds().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
        send(request.requestingNation(), request.label(), "CONSULTATIONS REQUESTED by " + request.requestingNation()
                + " (" + grounds + "): " + request.statement(), request.exerciseId());
    }

    @ApplicationModuleListener
    void on(SilenceBroken broken) {
        send(broken.nation(), broken.label(), "SILENCE BROKEN by " + broken.nation() + " on Council decision "
                + broken.decisionId() + " (version " + broken.version() + "): " + broken.statement(),
                broken.exerciseId());
    }

    /** An exercise's Council alerts its players, in the exercise (ADR 0006). */
    private void send(NationCode origin, SecurityLabel label, String text, @Nullable UUID exercise) {
        Subject secretariat = new Subject("council", origin, Classification.SECRET, Set.of(Role.COUNCIL_CHAIR),
                exercise);
        String bounded = text.length() > 1900 ? text.substring(0, 1900) + "…" : text;
        try {
            ownTransaction.executeWithoutResult(status ->
                    alerts.raise(secretariat, AlertRequest.of(bounded, COUNCIL, Precedence.FLASH, label)));
        } catch (IllegalArgumentException e) {
            // Nobody on the Council may read the label: there is no one to alert, and a retry would not help.
            log.warn("Council alert not sent: {}", e.getMessage());
        }
    }
}
