package org.kalkan.industry.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kalkan.industry.Allocation;
import org.kalkan.industry.AllocationId;
import org.kalkan.industry.Allocations;
import org.kalkan.industry.IndustryProperties;
import org.kalkan.industry.Programme;
import org.kalkan.industry.ProgrammeId;
import org.kalkan.industry.Programmes;
import org.kalkan.industry.Supplier;
import org.kalkan.industry.WorkPackage;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.RefusedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Allocation of open packages ({@link Allocations}): eligibility per package and supplier ({@link Qualification}),
 * then CP-SAT ({@link AllocationModel}) for cost plus deviation from balance within capacity.
 */
@Service
class AllocationService implements Allocations {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Programmes programmes;
    private final ProgrammeStore store;
    private final SupplierStore suppliers;
    private final LicenceStore licences;
    private final AllocationStore allocations;
    private final BalanceWatch balance;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final IndustryProperties properties;
    private final Clock clock;

    AllocationService(Programmes programmes, ProgrammeStore store, SupplierStore suppliers, LicenceStore licences,
            AllocationStore allocations, BalanceWatch balance, AccessPolicy policy, AuditTrail audit,
            IndustryProperties properties, Clock clock) {
        this.programmes = programmes;
        this.store = store;
        this.suppliers = suppliers;
        this.licences = licences;
        this.allocations = allocations;
        this.balance = balance;
        this.policy = policy;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Allocation allocate(Subject subject, ProgrammeId id) {
        Programme programme = managed(subject, id, "ALLOCATE");
        List<WorkPackage> packages = store.packages(id);
        List<WorkPackage> open = packages.stream().filter(WorkPackage::open).toList();
        if (open.isEmpty()) {
            throw new RefusedException("The programme has no open work packages (without supplier and progress).");
        }
        List<Supplier> candidates = suppliers.list(policy.filter(subject, "s"));
        List<LicenceGate.Candidate> leadLicences = licences.list(policy.filter(subject, "l")).stream()
                .filter(l -> l.issuingNation().equals(programme.leadNation()))
                .map(ExportControlService::candidate).toList();
        Map<String, Map<String, Long>> cost = new LinkedHashMap<>();
        Map<String, List<String>> refusals = new LinkedHashMap<>();
        for (WorkPackage p : open) {
            Map<String, Long> eligible = new LinkedHashMap<>();
            List<String> why = new ArrayList<>();
            for (Supplier s : candidates) {
                List<String> failures = Qualification.failures(programme, p, s, leadLicences);
                if (failures.isEmpty()) {
                    eligible.put(s.id().toString(), cents(p.budget().multiply(s.costFactor())));
                } else {
                    why.add(s.name() + " (" + s.nation() + "): " + String.join(", ", failures));
                }
            }
            cost.put(p.code(), eligible);
            refusals.put(p.code(), why);
        }
        long bac = packages.stream().mapToLong(p -> cents(p.budget())).sum();
        Map<String, Long> fixed = new HashMap<>();
        packages.stream().filter(p -> !p.open()).forEach(p -> fixed.merge(p.nation(), cents(p.budget()), Long::sum));
        Map<String, Long> target = new HashMap<>();
        programme.costShares().forEach((nation, share) -> target.put(nation, cents(share.multiply(
                BigDecimal.valueOf(bac)).movePointLeft(2))));
        AllocationModel.Problem problem = new AllocationModel.Problem(
                open.stream().map(p -> new AllocationModel.Pkg(p.code(), cents(p.budget()))).toList(),
                candidates.stream().map(s -> new AllocationModel.Sup(s.id().toString(), s.nation(),
                        cents(s.remainingCapacity()))).toList(), cost, fixed, target,
                properties.balanceWeight().multiply(HUNDRED).setScale(0, RoundingMode.HALF_EVEN).longValueExact());
        AllocationModel.Solution solution = AllocationModel.solve(problem, properties.allocationSeconds(), 2);
        if (!solution.feasible()) {
            throw new RefusedException("The solver found no allocation within " + properties.allocationSeconds()
                    + " s (" + solution.status() + "); try again.");
        }
        Map<String, Supplier> byId = new HashMap<>();
        candidates.forEach(s -> byId.put(s.id().toString(), s));
        List<Allocation.Assignment> assigned = new ArrayList<>();
        List<Allocation.Unallocated> left = new ArrayList<>();
        for (WorkPackage p : open) {
            String supplier = solution.assignment().get(p.code());
            Map<String, Long> eligible = cost.getOrDefault(p.code(), Map.of());
            List<String> why = refusals.getOrDefault(p.code(), List.of());
            if (supplier != null) {
                // The model assigns a package only to one of its eligible suppliers, all of them candidates.
                Supplier s = Objects.requireNonNull(byId.get(supplier), "the solver chose an unknown supplier");
                Long price = Objects.requireNonNull(eligible.get(supplier), "the solver chose an ineligible supplier");
                assigned.add(new Allocation.Assignment(p.code(), s.id(), s.name(), s.nation(),
                        BigDecimal.valueOf(price, 2)));
            } else if (eligible.isEmpty()) {
                left.add(new Allocation.Unallocated(p.code(), why.isEmpty()
                        ? "no supplier you can see is registered"
                        : "no qualified supplier: " + String.join("; ", why)));
            } else {
                List<String> names = eligible.keySet().stream()
                        .map(s -> Objects.requireNonNull(byId.get(s), "an eligible supplier is a candidate").name())
                        .toList();
                left.add(new Allocation.Unallocated(p.code(), "the remaining capacity of its qualified suppliers ("
                        + String.join(", ", names) + ") is taken by other packages"));
            }
        }
        // A feasible solution always has both (AllocationModel.solve).
        long objectiveValue = Objects.requireNonNull(solution.objective(), "a feasible solution has an objective");
        long boundValue = Objects.requireNonNull(solution.bound(), "a feasible solution has a bound");
        BigDecimal objective = BigDecimal.valueOf(objectiveValue, 4).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal bound = BigDecimal.valueOf(boundValue, 4).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal gap = objectiveValue == 0 ? BigDecimal.ZERO.setScale(6)
                : BigDecimal.valueOf(objectiveValue - boundValue)
                .divide(BigDecimal.valueOf(Math.abs(objectiveValue)), 6, RoundingMode.HALF_EVEN);
        Allocation allocation = new Allocation(AllocationId.random(), id, "PROPOSED", solution.status().name(),
                solution.status().name().equals("OPTIMAL"), objective, bound, gap, assigned, left,
                subject.username(), clock.instant());
        allocations.insert(allocation);
        audit.record(subject.username(), "ALLOCATION_PROPOSED", ProgrammeService.target(id) + "/allocation:"
                + allocation.id(), assigned.size() + " allocated, " + left.size() + " left, " + solution.status()
                + " gap " + gap);
        return allocation;
    }

    @Override
    @Transactional(readOnly = true)
    public Allocation allocation(Subject subject, ProgrammeId programme, AllocationId id) {
        programmes.programme(subject, programme);
        return allocations.find(programme, id, false).orElseThrow(() -> NotFoundException.noVisible("allocation"));
    }

    @Override
    @Transactional
    public Allocation accept(Subject subject, ProgrammeId id, AllocationId allocationId) {
        Programme programme = managed(subject, id, "ALLOCATION_ACCEPT");
        Allocation allocation = allocations.find(id, allocationId, true)
                .orElseThrow(() -> NotFoundException.noVisible("allocation"));
        if (!allocation.status().equals("PROPOSED")) {
            throw new RefusedException("The allocation is " + allocation.status() + "; only the latest PROPOSED one "
                    + "is accepted.");
        }
        Map<String, WorkPackage> packages = new HashMap<>();
        store.packages(id).forEach(p -> packages.put(p.code(), p));
        for (Allocation.Assignment a : allocation.assignments()) {
            WorkPackage p = packages.get(a.code());
            if (p == null || !p.open()) {
                throw new RefusedException("Work package " + a.code() + " is no longer open; compute a new "
                        + "allocation.");
            }
        }
        for (Allocation.Assignment a : allocation.assignments()) {
            store.assignSupplier(id, a.code(), a.supplier(), a.nation());
        }
        allocations.accepted(allocationId);
        store.touch(id);
        audit.record(subject.username(), "ALLOCATION_ACCEPTED", ProgrammeService.target(id) + "/allocation:"
                + allocationId, allocation.assignments().size() + " packages given to their suppliers");
        balance.check(programme, store.packages(id));
        return allocations.find(id, allocationId, false).orElseThrow();
    }

    private Programme managed(Subject subject, ProgrammeId id, String action) {
        Programme programme = programmes.programme(subject, id);
        if (!subject.has(Role.PROGRAMME_MANAGER) || !subject.nation().value().equals(programme.originNation())) {
            audit.recordDenial(subject.username(), action, ProgrammeService.target(id), "not a programme manager of "
                    + programme.originNation());
            throw new ForbiddenException("Only programme managers of " + programme.originNation()
                    + " allocate its work packages.");
        }
        return programme;
    }

    private static long cents(BigDecimal amount) {
        return amount.movePointRight(2).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
