package org.kalkan.industry.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.kalkan.council.Council;
import org.kalkan.council.Decision;
import org.kalkan.council.DecisionAdopted;
import org.kalkan.council.DecisionDraft;
import org.kalkan.council.Procedure;
import org.kalkan.industry.GlobalBalance;
import org.kalkan.industry.IndustryProperties;
import org.kalkan.industry.Programme;
import org.kalkan.industry.ProgrammeId;
import org.kalkan.industry.ProposalId;
import org.kalkan.industry.ProposalStatus;
import org.kalkan.industry.RebalancingProposal;
import org.kalkan.industry.WorkPackage;
import org.kalkan.industry.WorkShares;
import org.kalkan.industry.internal.EarnedValue.Plan;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.SecurityLabel;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The global balance across programmes, and rebalancing proposals taken to the Council. */
@Service
class WorkShareService implements WorkShares {

    private final ProgrammeStore programmes;
    private final Rebalancings proposals;
    private final Council council;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final IndustryProperties properties;

    WorkShareService(ProgrammeStore programmes, Rebalancings proposals, Council council, AccessPolicy policy,
            AuditTrail audit, IndustryProperties properties) {
        this.programmes = programmes;
        this.proposals = proposals;
        this.council = council;
        this.policy = policy;
        this.audit = audit;
        this.properties = properties;
    }

    @Override
    @Transactional(readOnly = true)
    public GlobalBalance globalBalance(Subject subject, String currency) {
        Map<String, BigDecimal[]> totals = new TreeMap<>(); // nation -> {work, contribution}
        Map<String, Map<Integer, BigDecimal[]>> years = new HashMap<>();
        int count = 0;
        for (Programme programme : programmes.list(policy.filter(subject, "p"))) {
            policy.assertReadable(subject, programme.label(), org.kalkan.shared.NationCode.of(programme.originNation()),
                    programme.exerciseId(), ProgrammeService.target(programme.id()));
            if (!programme.currency().equals(currency)) {
                continue;
            }
            List<WorkPackage> packages = programmes.packages(programme.id());
            if (packages.isEmpty()) {
                continue;
            }
            count++;
            List<Plan> plans = packages.stream().map(Measures::plan).toList();
            BigDecimal bac = plans.stream().map(p -> EarnedValue.money(p.bac())).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            int first = plans.stream().mapToInt(p -> p.start().getYear()).min().orElseThrow();
            int last = plans.stream().mapToInt(p -> p.finish().minusDays(1).getYear()).max().orElseThrow();
            for (String nation : programme.nations()) {
                BigDecimal share = programme.costShares().getOrDefault(nation, BigDecimal.ZERO);
                add(totals, nation, BigDecimal.ZERO, Measures.contribution(share, bac));
                for (int year = first; year <= last; year++) {
                    BigDecimal inYear = inYear(plans, year);
                    add(years.computeIfAbsent(nation, k -> new TreeMap<>()), year, BigDecimal.ZERO,
                            Measures.contribution(share, inYear));
                }
            }
            for (int i = 0; i < packages.size(); i++) {
                String nation = packages.get(i).nation();
                add(totals, nation, EarnedValue.money(plans.get(i).bac()), BigDecimal.ZERO);
                for (int year = first; year <= last; year++) {
                    add(years.computeIfAbsent(nation, k -> new TreeMap<>()), year, inYear(List.of(plans.get(i)), year),
                            BigDecimal.ZERO);
                }
            }
        }
        Map<String, GlobalBalance.NationBalance> nations = new TreeMap<>();
        totals.forEach((nation, sums) -> {
            BigDecimal balance = EarnedValue.index(sums[0], sums[1]);
            Map<Integer, GlobalBalance.YearBalance> byYear = new TreeMap<>();
            years.getOrDefault(nation, Map.of()).forEach((year, y) -> byYear.put(year,
                    new GlobalBalance.YearBalance(y[0], y[1], EarnedValue.index(y[0], y[1]))));
            nations.put(nation, new GlobalBalance.NationBalance(sums[0], sums[1], balance,
                    Measures.inBand(balance, sums[0], properties.balanceTolerance()), new TreeMap<>(byYear)));
        });
        return new GlobalBalance(currency, properties.balanceTolerance(), count, new TreeMap<>(nations));
    }

    /** Planned value falling in the calendar year. */
    private static BigDecimal inYear(List<Plan> plans, int year) {
        return EarnedValue.plannedValue(plans, LocalDate.of(year + 1, 1, 1))
                .subtract(EarnedValue.plannedValue(plans, LocalDate.of(year, 1, 1)));
    }

    private static <K> void add(Map<K, BigDecimal[]> map, K key, BigDecimal work, BigDecimal contribution) {
        BigDecimal[] sums = map.computeIfAbsent(key, k -> new BigDecimal[] {EarnedValue.money(BigDecimal.ZERO),
                EarnedValue.money(BigDecimal.ZERO)});
        sums[0] = sums[0].add(work);
        sums[1] = sums[1].add(contribution);
    }

    @Override
    @Transactional(readOnly = true)
    public List<RebalancingProposal> proposals(Subject subject, @Nullable ProgrammeId programme) {
        List<RebalancingProposal> list = proposals.list(programme, policy.filter(subject, "p"));
        list.forEach(p -> policy.assertReadable(subject, p.label(), org.kalkan.shared.NationCode.of(p.originNation()), subject.exercise(), "proposal:" + p.id()));
        return list;
    }

    @Override
    @Transactional
    public Decision circulate(Subject subject, ProposalId id, Instant silenceEndsAt, @Nullable SecurityLabel label) {
        if (!subject.has(Role.COUNCIL_CHAIR)) {
            audit.recordDenial(subject.username(), "REBALANCING_CIRCULATE", "proposal:" + id, "not the chair");
            throw new ForbiddenException("Only the Council chair circulates a rebalancing proposal.");
        }
        RebalancingProposal proposal = proposals.find(id, policy.filter(subject, "p"), true)
                .orElseThrow(() -> NotFoundException.noVisible("rebalancing proposal"));
        if (proposal.status() != ProposalStatus.PROPOSED) {
            throw new RefusedException("The proposal is " + proposal.status() + "; only a PROPOSED one is circulated.");
        }
        // A decision binds every member: by default the programme's classification, released to its nations and to
        // MEMBERS. The Council checks the chair, the label and the silence (minimum and maximum) by its own rules.
        java.util.TreeSet<String> releasable = new java.util.TreeSet<>(proposal.label().releasableTo());
        releasable.add("MEMBERS");
        SecurityLabel decisionLabel = label != null ? label
                : SecurityLabel.of(proposal.label().classification(), releasable);
        Decision decision = council.circulate(new DecisionDraft("Rebalance the work share of " + proposal.nation()
                + " in " + proposal.programmeName(), proposal.text(), decisionLabel, Procedure.SILENCE,
                silenceEndsAt, null, null, List.of(), null));
        proposals.circulated(id, decision.id().value());
        audit.record(subject.username(), "REBALANCING_CIRCULATED", "proposal:" + id, "decision " + decision.id()
                + " released as " + decisionLabel.marking() + " (programme " + proposal.label().marking() + ")");
        return decision;
    }

    @ApplicationModuleListener
    void on(DecisionAdopted adopted) {
        if (proposals.adopted(adopted.decisionId().value(), adopted.registerNumber())) {
            audit.record("council", "REBALANCING_ADOPTED", "decision:" + adopted.decisionId(),
                    "register " + adopted.registerNumber());
        }
    }
}
