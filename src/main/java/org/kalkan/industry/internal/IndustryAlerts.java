package org.kalkan.industry.internal;

import java.util.Set;
import org.kalkan.industry.WorkShareLeftBand;
import org.kalkan.notification.AlertRequest;
import org.kalkan.notification.Alerts;
import org.kalkan.notification.Precedence;
import org.kalkan.notification.Recipients;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts the programme managers and the Council (chair and delegates) cleared for the programme's label when a
 * nation's work share leaves the band, on behalf of the programme office (as force generation alerts on behalf of
 * its cell). The alert names the rebalancing proposal the chair may circulate.
 */
@Component
class IndustryAlerts {

    private static final Logger log = LoggerFactory.getLogger(IndustryAlerts.class);

    private final Alerts alerts;
    private final TransactionTemplate ownTransaction;

    IndustryAlerts(Alerts alerts, PlatformTransactionManager transactions) {
        this.alerts = alerts;
        // A refused alert must not roll back the listener's transaction, which completes the event publication.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener
    void on(WorkShareLeftBand left) {
        String text = "WORK SHARE out of band: " + left.nation() + " in programme \"" + left.programmeName()
                + "\" has balance " + (left.balance() == null ? "undefined" : left.balance().toPlainString())
                + " (band 1 ± " + left.tolerance().toPlainString() + "); "
                + (left.shortfall().signum() > 0 ? "short of " : "over by ") + left.shortfall().abs().toPlainString()
                + " " + left.currency() + ". Rebalancing proposal " + left.proposal()
                + " awaits the Council chair (Industry page).";
        Subject office = new Subject("industry.office", NationCode.of(left.originNation()), Classification.SECRET,
                Set.of(Role.CRISIS_MANAGER), left.exerciseId());
        AlertRequest request = new AlertRequest(text, new Recipients(Set.of(), Set.of(Role.PROGRAMME_MANAGER,
                Role.COUNCIL_CHAIR, Role.COUNCIL_DELEGATE), Set.of()), Precedence.PRIORITY, null, left.label(), null,
                left.exerciseId());
        try {
            ownTransaction.executeWithoutResult(status -> alerts.raise(office, request));
        } catch (IllegalArgumentException e) {
            log.warn("Work-share alert not sent: {}", e.getMessage());
        }
    }
}
