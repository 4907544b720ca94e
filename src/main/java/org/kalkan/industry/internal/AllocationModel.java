package org.kalkan.industry.internal;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The allocation model for CP-SAT, in integer cents. Each open package goes to at most one eligible supplier
 * ({@code x[p][s]}), or stays unallocated ({@code u[p]}, with a penalty larger than anything allocating it could
 * cost, so a package is left out only when capacity forces it). Each supplier's packages fit its remaining
 * capacity. A nation's work is its fixed work plus the budgets allocated to its suppliers; its deviation is
 * {@code |work − target|}. Minimise {@code 100·Σ cost·x + weight·Σ deviation + 100·Σ penalty·u}, where
 * {@code weight} is the balance weight × 100.
 */
final class AllocationModel {

    private AllocationModel() {
    }

    record Pkg(String code, long budget) {
    }

    record Sup(String id, String nation, long capacity) {
    }

    /**
     * The problem: packages, suppliers, the eligible pairs with their cost ({@code cost.get(p).get(s)}, absent =
     * not eligible), each nation's fixed work and target, and the weight of a cent of deviation (×100).
     */
    record Problem(List<Pkg> packages, List<Sup> suppliers, Map<String, Map<String, Long>> cost,
            Map<String, Long> fixedWork, Map<String, Long> target, long weight) {
    }

    record Solution(CpSolverStatus status, Map<String, String> assignment, @Nullable Long objective,
            @Nullable Long bound) {

        boolean feasible() {
            return status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
        }
    }

    static long penalty(Problem problem, Pkg p) {
        long maxCost = problem.cost().getOrDefault(p.code(), Map.of()).values().stream().mapToLong(Long::longValue)
                .max().orElse(0);
        return 100 * (maxCost + 1) + problem.weight() * p.budget();
    }

    /** The nations whose balance counts: those with a target, fixed work or a supplier. */
    static TreeSet<String> nations(Problem problem) {
        TreeSet<String> nations = new TreeSet<>(problem.target().keySet());
        nations.addAll(problem.fixedWork().keySet());
        problem.suppliers().forEach(s -> nations.add(s.nation()));
        return nations;
    }

    static Solution solve(Problem problem, double seconds, int workers) {
        Loader.loadNativeLibraries();
        CpModel model = new CpModel();
        Map<String, Sup> suppliers = new LinkedHashMap<>();
        problem.suppliers().forEach(s -> suppliers.put(s.id(), s));
        Map<String, Map<String, BoolVar>> x = new HashMap<>();
        Map<String, LinearExprBuilder> load = new HashMap<>();
        Map<String, LinearExprBuilder> work = new HashMap<>();
        LinearExprBuilder objective = LinearExpr.newBuilder();
        long total = problem.fixedWork().values().stream().mapToLong(Long::longValue).sum()
                + problem.packages().stream().mapToLong(Pkg::budget).sum();
        for (Pkg p : problem.packages()) {
            LinearExprBuilder one = LinearExpr.newBuilder();
            BoolVar unallocated = model.newBoolVar("u_" + p.code());
            one.add(unallocated);
            objective.addTerm(unallocated, penalty(problem, p));
            for (Map.Entry<String, Long> eligible : problem.cost().getOrDefault(p.code(), Map.of()).entrySet()) {
                Sup s = Objects.requireNonNull(suppliers.get(eligible.getKey()), "cost names an unknown supplier");
                BoolVar chosen = model.newBoolVar("x_" + p.code() + "_" + s.id());
                x.computeIfAbsent(p.code(), k -> new LinkedHashMap<>()).put(s.id(), chosen);
                one.add(chosen);
                objective.addTerm(chosen, 100 * eligible.getValue());
                load.computeIfAbsent(s.id(), k -> LinearExpr.newBuilder()).addTerm(chosen, p.budget());
                work.computeIfAbsent(s.nation(), k -> LinearExpr.newBuilder()).addTerm(chosen, p.budget());
            }
            model.addEquality(one, 1);
        }
        load.forEach((supplier, expression) -> model.addLessOrEqual(expression,
                Objects.requireNonNull(suppliers.get(supplier)).capacity()));
        for (String nation : nations(problem)) {
            LinearExprBuilder nationWork = work.getOrDefault(nation, LinearExpr.newBuilder());
            long fixed = problem.fixedWork().getOrDefault(nation, 0L);
            long target = problem.target().getOrDefault(nation, 0L);
            IntVar deviation = model.newIntVar(0, total + Math.abs(target) + Math.abs(fixed), "d_" + nation);
            // deviation >= fixed + allocated − target and >= target − fixed − allocated
            LinearExprBuilder above = LinearExpr.newBuilder().add(deviation);
            LinearExprBuilder below = LinearExpr.newBuilder().add(deviation);
            LinearExpr allocated = nationWork.build();
            above.addWeightedSum(new LinearExpr[] {allocated}, new long[] {-1});
            below.add(allocated);
            model.addGreaterOrEqual(above, fixed - target);
            model.addGreaterOrEqual(below, target - fixed);
            objective.addTerm(deviation, problem.weight());
        }
        model.minimize(objective);
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(seconds);
        solver.getParameters().setNumWorkers(workers);
        CpSolverStatus status = solver.solve(model);
        Map<String, String> assignment = new LinkedHashMap<>();
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return new Solution(status, assignment, null, null);
        }
        x.forEach((code, bySupplier) -> bySupplier.forEach((supplier, chosen) -> {
            if (solver.booleanValue(chosen)) {
                assignment.put(code, supplier);
            }
        }));
        return new Solution(status, assignment, Math.round(solver.objectiveValue()),
                Math.round(Math.ceil(solver.bestObjectiveBound() - 1e-6)));
    }

    /** The objective of an assignment (package → supplier; absent = unallocated), as the model counts it. */
    static long objective(Problem problem, Map<String, String> assignment) {
        Map<String, Sup> suppliers = new HashMap<>();
        problem.suppliers().forEach(s -> suppliers.put(s.id(), s));
        long value = 0;
        Map<String, Long> work = new HashMap<>(problem.fixedWork());
        for (Pkg p : problem.packages()) {
            String supplier = assignment.get(p.code());
            if (supplier == null) {
                value += penalty(problem, p);
            } else {
                Long cost = problem.cost().getOrDefault(p.code(), Map.of()).get(supplier);
                Sup chosen = suppliers.get(supplier);
                if (cost == null || chosen == null) {
                    throw new IllegalArgumentException(p.code() + " is assigned to " + supplier
                            + ", which is not one of its eligible suppliers");
                }
                value += 100 * cost;
                work.merge(chosen.nation(), p.budget(), Long::sum);
            }
        }
        for (String nation : nations(problem)) {
            value += problem.weight() * Math.abs(work.getOrDefault(nation, 0L)
                    - problem.target().getOrDefault(nation, 0L));
        }
        return value;
    }

    static List<String> unallocated(Problem problem, Map<String, String> assignment) {
        List<String> codes = new ArrayList<>();
        problem.packages().forEach(p -> {
            if (!assignment.containsKey(p.code())) {
                codes.add(p.code());
            }
        });
        return codes;
    }
}
