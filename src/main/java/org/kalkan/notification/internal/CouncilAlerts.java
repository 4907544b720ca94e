package org.kalkan.notification.internal;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import java.time.Duration;
import java.time.Instant;
import org.kalkan.council.ConsultationRequested;
import org.kalkan.council.DecisionCirculated;
import org.kalkan.council.DelegateNotices;
import org.kalkan.council.Procedure;
import org.kalkan.notification.AlertId;
import org.kalkan.notification.AlertView;
import org.kalkan.notification.NotificationProperties;
import org.kalkan.shared.Dtg;
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
 * The Council's procedures alert its members: a request for consultations, and a broken silence, reach every
 * delegate and the chair cleared for the record's label at FLASH precedence; a circulated decision reaches every
 * delegate before its silence starts ({@link DelegateNotices}). Sent on behalf of the Council
 * secretariat, with the originating nation as the alert's origin.
 */
@Component
class CouncilAlerts implements DelegateNotices {

    private static final Logger log = LoggerFactory.getLogger(CouncilAlerts.class);
    private static final Recipients COUNCIL = new Recipients(Set.of(),
            Set.of(Role.COUNCIL_DELEGATE, Role.COUNCIL_CHAIR), Set.of());

    private final Alerts alerts;
    private final AlertStore store;
    private final NotificationProperties properties;
    private final TransactionTemplate ownTransaction;

    CouncilAlerts(Alerts alerts, AlertStore store, NotificationProperties properties,
            PlatformTransactionManager transactions) {
        this.alerts = alerts;
        this.store = store;
        this.properties = properties;
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

    /**
     * A circulated decision alerts each delegate in the circulating transaction (so the silence starts only once all
     * are notified): FLASH under silence, to be acknowledged before the silence ends; IMMEDIATE for consensus.
     */
    @Override
    public Set<String> notifyDelegates(DecisionCirculated circulated, Set<String> delegates) {
        Instant endsAt = circulated.procedure() == Procedure.SILENCE ? circulated.silenceEndsAt() : null;
        boolean silence = endsAt != null;
        String how = endsAt != null
                ? "under silence until " + Dtg.of(endsAt) + " (" + endsAt + "): break silence before then to object"
                : "for consensus: take your nation's position";
        String text = bounded("DECISION CIRCULATED " + how + ". Council decision " + circulated.decisionId()
                + " (version " + circulated.version() + "): " + circulated.title());
        Duration ackWithin = null;
        if (endsAt != null) {
            Duration left = Duration.between(circulated.at(), endsAt);
            ackWithin = left.compareTo(properties.maxAckWithin()) > 0 ? properties.maxAckWithin() : left;
        }
        AlertId id = alerts.raise(secretariat(circulated.originNation(), circulated.exerciseId()), new AlertRequest(text,
                new Recipients(delegates, Set.of(), Set.of()), silence ? Precedence.FLASH : Precedence.IMMEDIATE,
                ackWithin, circulated.label(), null, circulated.exerciseId()));
        return store.find(id).orElseThrow().recipients().stream().map(AlertView.Recipient::username)
                .collect(Collectors.toSet());
    }

    private static Subject secretariat(NationCode origin, @Nullable UUID exercise) {
        return new Subject("council", origin, Classification.SECRET, Set.of(Role.COUNCIL_CHAIR), exercise);
    }

    private static String bounded(String text) {
        return text.length() > 1900 ? text.substring(0, 1900) + "…" : text;
    }

    /** An exercise's Council alerts its players, in the exercise (ADR 0006). */
    private void send(NationCode origin, SecurityLabel label, String text, @Nullable UUID exercise) {
        Subject secretariat = secretariat(origin, exercise);
        String bounded = bounded(text);
        try {
            ownTransaction.executeWithoutResult(status ->
                    alerts.raise(secretariat, AlertRequest.of(bounded, COUNCIL, Precedence.FLASH, label)));
        } catch (IllegalArgumentException e) {
            // Nobody on the Council may read the label: there is no one to alert, and a retry would not help.
            log.warn("Council alert not sent: {}", e.getMessage());
        }
    }
}
