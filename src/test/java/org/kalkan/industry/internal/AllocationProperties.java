package org.kalkan.industry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.sat.CpSolverStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.kalkan.industry.internal.AllocationModel.Pkg;
import org.kalkan.industry.internal.AllocationModel.Problem;
import org.kalkan.industry.internal.AllocationModel.Sup;

/**
 * CP-SAT's allocation against brute force on small random instances: every assignment of up to 5 packages to up to
 * 3 suppliers (or none) is enumerated, capacity-checked and scored with the objective written out here again from
 * its definition; CP-SAT must prove the same optimum and return an assignment that attains it.
 */
class AllocationProperties {

    static final List<String> NATIONS = List.of("TUR", "AZE", "KAZ");

    static Problem random(long seed) {
        Random random = new Random(seed);
        List<Pkg> packages = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            packages.add(new Pkg("P" + i, 100 * (1 + random.nextInt(50))));
        }
        List<Sup> suppliers = new ArrayList<>();
        int supplierCount = 1 + random.nextInt(3);
        for (int s = 0; s < supplierCount; s++) {
            suppliers.add(new Sup("S" + s, NATIONS.get(random.nextInt(3)), 100 * random.nextInt(120)));
        }
        Map<String, Map<String, Long>> cost = new LinkedHashMap<>();
        for (Pkg p : packages) {
            Map<String, Long> eligible = new LinkedHashMap<>();
            for (Sup s : suppliers) {
                if (random.nextInt(4) > 0) { // about one pair in four is not qualified
                    eligible.put(s.id(), p.budget() * (80 + random.nextInt(60)) / 100);
                }
            }
            cost.put(p.code(), eligible);
        }
        Map<String, Long> fixed = new HashMap<>();
        Map<String, Long> target = new HashMap<>();
        long total = packages.stream().mapToLong(Pkg::budget).sum();
        for (String nation : NATIONS) {
            long already = random.nextInt(3) == 0 ? 0 : 100 * random.nextInt(20);
            fixed.put(nation, already);
            total += already;
        }
        target.put("TUR", total / 2);
        target.put("AZE", total * 3 / 10);
        target.put("KAZ", total - total / 2 - total * 3 / 10);
        return new Problem(packages, suppliers, cost, fixed, target, random.nextInt(3) * 50L);
    }

    /** The objective from its definition: cost ×100, weight × |work − target| per nation, penalty for each left out. */
    static long score(Problem problem, Map<String, String> assignment) {
        long value = 0;
        Map<String, Long> work = new HashMap<>(problem.fixedWork());
        Map<String, Long> load = new HashMap<>();
        for (Pkg p : problem.packages()) {
            String s = assignment.get(p.code());
            if (s == null) {
                long maxCost = problem.cost().get(p.code()).values().stream().mapToLong(Long::longValue).max().orElse(0);
                value += 100 * (maxCost + 1) + problem.weight() * p.budget();
                continue;
            }
            value += 100 * problem.cost().get(p.code()).get(s);
            String nation = problem.suppliers().stream().filter(x -> x.id().equals(s)).findFirst().orElseThrow()
                    .nation();
            work.merge(nation, p.budget(), Long::sum);
            load.merge(s, p.budget(), Long::sum);
        }
        for (Sup s : problem.suppliers()) {
            if (load.getOrDefault(s.id(), 0L) > s.capacity()) {
                return Long.MAX_VALUE; // infeasible
            }
        }
        for (String nation : NATIONS) {
            value += problem.weight() * Math.abs(work.getOrDefault(nation, 0L) - problem.target().get(nation));
        }
        return value;
    }

    static long bruteForce(Problem problem) {
        return enumerate(problem, 0, new HashMap<>());
    }

    private static long enumerate(Problem problem, int index, Map<String, String> assignment) {
        if (index == problem.packages().size()) {
            return score(problem, assignment);
        }
        String code = problem.packages().get(index).code();
        long best = enumerate(problem, index + 1, assignment); // left out
        for (String supplier : problem.cost().get(code).keySet()) {
            assignment.put(code, supplier);
            best = Math.min(best, enumerate(problem, index + 1, assignment));
            assignment.remove(code);
        }
        return best;
    }

    @Property(tries = 60)
    void cpSatFindsTheBruteForceOptimum(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        Problem problem = random(seed);
        AllocationModel.Solution solution = AllocationModel.solve(problem, 20, 1);
        assertThat(solution.status()).isEqualTo(CpSolverStatus.OPTIMAL);
        long optimum = bruteForce(problem);
        assertThat(solution.objective()).isEqualTo(optimum);
        assertThat(score(problem, solution.assignment())).isEqualTo(optimum);
        assertThat(AllocationModel.objective(problem, solution.assignment())).isEqualTo(optimum);
        assertThat(solution.bound()).isEqualTo(optimum);
    }

    @Property(tries = 40)
    void aPackageIsLeftOutOnlyWhenNoQualifiedSupplierHasCapacityForIt(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        Problem problem = random(seed);
        AllocationModel.Solution solution = AllocationModel.solve(problem, 20, 1);
        Map<String, Long> load = new HashMap<>();
        solution.assignment().forEach((code, s) -> load.merge(s, problem.packages().stream()
                .filter(p -> p.code().equals(code)).findFirst().orElseThrow().budget(), Long::sum));
        for (String code : AllocationModel.unallocated(problem, solution.assignment())) {
            long budget = problem.packages().stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow()
                    .budget();
            for (String s : problem.cost().get(code).keySet()) {
                long capacity = problem.suppliers().stream().filter(x -> x.id().equals(s)).findFirst().orElseThrow()
                        .capacity();
                assertThat(load.getOrDefault(s, 0L) + budget).as(code + " would fit " + s).isGreaterThan(capacity);
            }
        }
    }
}
