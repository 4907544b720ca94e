package org.kalkan.industry.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.kalkan.industry.IndustryProperties;
import org.kalkan.industry.NationPerformance;
import org.kalkan.industry.Phase;
import org.kalkan.industry.Programme;
import org.kalkan.industry.ProposalId;
import org.kalkan.industry.WorkPackage;
import org.kalkan.industry.WorkShareLeftBand;
import org.kalkan.security.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Watches each nation's work-share balance after every change to a programme's packages or phase, from
 * DEVELOPMENT on (in CONCEPT the split of work is still being shaped). When a nation leaves the band, once, a
 * rebalancing proposal is stored and {@link WorkShareLeftBand} published, in the writer's transaction; coming
 * back into the band is recorded too.
 */
@Component
class BalanceWatch {

    private final ProgrammeStore store;
    private final Rebalancings proposals;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final IndustryProperties properties;
    private final Clock clock;

    BalanceWatch(ProgrammeStore store, Rebalancings proposals, AuditTrail audit, ApplicationEventPublisher events,
            IndustryProperties properties, Clock clock) {
        this.store = store;
        this.proposals = proposals;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    void check(Programme programme, List<WorkPackage> packages) {
        if (programme.phase() == Phase.CONCEPT || packages.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var performance = Measures.performance(programme, packages, today, properties.balanceTolerance());
        BigDecimal bac = performance.figures().bac();
        for (Map.Entry<String, NationPerformance> entry : performance.nations().entrySet()) {
            String nation = entry.getKey();
            NationPerformance share = entry.getValue();
            boolean wasInBand = store.inBand(programme.id(), nation).orElse(true);
            if (share.inBand() == wasInBand) {
                continue;
            }
            store.saveBand(programme.id(), nation, share.inBand(), share.balance(), clock.instant());
            if (share.inBand()) {
                audit.record("industry", "WORK_SHARE_BACK_IN_BAND", ProgrammeService.target(programme.id()),
                        nation + " balance " + share.balance());
                continue;
            }
            BigDecimal contribution = Measures.contribution(share.costShare(), bac);
            BigDecimal shortfall = contribution.subtract(share.plannedWork());
            ProposalId id = ProposalId.random();
            proposals.withdrawOpen(programme.id(), nation);
            proposals.insert(id, programme.id(), nation, share.balance(), shortfall,
                    text(programme, nation, share, contribution, shortfall), clock.instant());
            audit.record("industry", "WORK_SHARE_LEFT_BAND", ProgrammeService.target(programme.id()), nation
                    + " balance " + share.balance() + " outside 1 ± " + properties.balanceTolerance()
                    + "; rebalancing proposal " + id);
            events.publishEvent(new WorkShareLeftBand(programme.id(), programme.name(), nation, share.balance(),
                    properties.balanceTolerance(), shortfall, programme.currency(), id, programme.label(),
                    programme.originNation(), programme.exerciseId()));
        }
    }

    private String text(Programme programme, String nation, NationPerformance share, BigDecimal contribution,
            BigDecimal shortfall) {
        String currency = programme.currency();
        String head = "Programme \"" + programme.name() + "\": the industry of " + nation + " performs work worth "
                + share.plannedWork().toPlainString() + " " + currency + " against the " + contribution.toPlainString()
                + " " + currency + " its cost share of " + share.costShare().toPlainString() + " pays for (balance "
                + (share.balance() == null ? "undefined" : share.balance().toPlainString()) + ", band 1 ± "
                + properties.balanceTolerance().toPlainString() + "). ";
        if (shortfall.signum() > 0) {
            return head + "Proposed: place work worth " + shortfall.toPlainString() + " " + currency + " with the "
                    + "industry of " + nation + " (open work packages, or work moved from the nations above their "
                    + "share), or adjust the cost shares by the same amount, to restore the global balance.";
        }
        return head + "Proposed: move work worth " + shortfall.negate().toPlainString() + " " + currency + " from the "
                + "industry of " + nation + " to the nations below their share, or adjust the cost shares by the same "
                + "amount, to restore the global balance.";
    }
}
