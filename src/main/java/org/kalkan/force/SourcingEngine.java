package org.kalkan.force;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Sources requirements from units with CP-SAT (ADR 0005). Only pairs that respect every caveat, the availability
 * window and the capability become variables at all, so a violation cannot be in any plan. A unit goes to at most
 * one requirement. The objective, weighted lexicographically: unfilled places, then lateness against needed-by
 * times, then total arrival time, then the imbalance of personnel between nations.
 */
@Service
public class SourcingEngine {

    static {
        Loader.loadNativeLibraries();
    }

    private static final long UNFILLED = 1_000_000_000L;
    private static final long LATE_PER_HOUR = 100_000L;
    private static final long ARRIVAL_PER_HOUR = 100L;
    private static final long IMBALANCE_PER_PERSON = 1L;

    private final MovementPlanner movement;

    SourcingEngine(MovementPlanner movement) {
        this.movement = movement;
    }

    private record Option(int unit, int requirement, Instant arrival, double lateHours, double travelHours) {
    }

    /** Extra admissibility of a unit for a requirement (e.g. "only where it was offered"): a reason, or null. */
    @FunctionalInterface
    public interface Admission {
        @Nullable String refuse(ForceUnit unit, Requirement requirement);

        /** This admission, then the other: the first refusal wins. */
        default Admission and(Admission other) {
            return (unit, requirement) -> {
                String refusal = refuse(unit, requirement);
                return refusal != null ? refusal : other.refuse(unit, requirement);
            };
        }
    }

    /**
     * For requirements that ask for certification, only units the register certifies for the capability on the
     * needed date (UTC); otherwise the register's reason, e.g. {@code AZE 1st EOD Company: certification for EOD
     * expired on 2027-02-10}. Without a register no unit counts as certified.
     */
    public static Admission certified(@Nullable UnitReadiness register) {
        return (unit, requirement) -> {
            if (!requirement.certificationRequired()) {
                return null;
            }
            String name = unit.details().name();
            String who = (name.startsWith(unit.nation().value()) ? name : unit.nation() + " " + name) + ": ";
            if (register == null) {
                return who + "no certification register on this node";
            }
            String gap = register.certificationGap(unit.id(), requirement.capability(),
                    LocalDate.ofInstant(requirement.neededBy(), ZoneOffset.UTC));
            return gap == null ? null : who + gap;
        };
    }

    public SourcingPlan plan(List<Requirement> requirements, List<ForceUnit> units, Duration limit, int workers) {
        return plan(requirements, units, limit, workers, (unit, requirement) -> null);
    }

    public SourcingPlan plan(List<Requirement> requirements, List<ForceUnit> units, Duration limit, int workers,
            Admission admission) {
        long started = System.nanoTime();
        Map<Integer, List<String>> reasons = new HashMap<>();
        List<Option> options = new ArrayList<>();
        for (int r = 0; r < requirements.size(); r++) {
            Requirement requirement = requirements.get(r);
            Set<String> why = new LinkedHashSet<>();
            for (int u = 0; u < units.size(); u++) {
                String refusal = refusal(units.get(u), requirement);
                if (refusal == null) {
                    refusal = admission.refuse(units.get(u), requirement);
                }
                if (refusal != null) {
                    why.add(refusal);
                    continue;
                }
                UnitDetails d = units.get(u).details();
                MovementEstimate estimate = movement.estimate(d.home(), requirement.location(), d.movementModes(),
                        d.noticeToMoveHours());
                double late = Math.max(0, Duration.between(requirement.neededBy(), estimate.estimatedArrival())
                        .toMinutes() / 60.0);
                options.add(new Option(u, r, estimate.estimatedArrival(), late, estimate.totalHours()));
            }
            reasons.put(r, new ArrayList<>(why));
        }

        CpModel model = new CpModel();
        Map<Option, Literal> chosen = new HashMap<>();
        for (Option option : options) {
            chosen.put(option, model.newBoolVar("u" + option.unit() + "r" + option.requirement()));
        }
        for (int u = 0; u < units.size(); u++) {
            int unit = u;
            List<Literal> uses = options.stream().filter(o -> o.unit() == unit).map(chosen::get).toList();
            if (uses.size() > 1) {
                model.addAtMostOne(uses);
            }
        }
        LinearExprBuilder objective = LinearExpr.newBuilder();
        List<IntVar> shortfalls = new ArrayList<>();
        for (int r = 0; r < requirements.size(); r++) {
            int requirement = r;
            List<Literal> filled = options.stream().filter(o -> o.requirement() == requirement).map(chosen::get)
                    .toList();
            int quantity = requirements.get(r).quantity();
            IntVar shortfall = model.newIntVar(0, quantity, "short" + r);
            model.addEquality(LinearExpr.sum(append(filled, shortfall)), quantity);
            shortfalls.add(shortfall);
            objective.addTerm(shortfall, UNFILLED);
        }
        for (Option option : options) {
            objective.addTerm(chosen.get(option), Math.round(option.lateHours() * LATE_PER_HOUR)
                    + Math.round(option.travelHours() * ARRIVAL_PER_HOUR));
        }
        addImbalance(model, objective, units, options, chosen);
        model.minimize(objective);

        CpSolver solver = new CpSolver();
        // The limit is for the whole answer: movement estimates and model building count against it.
        double left = (limit.toNanos() - (System.nanoTime() - started)) / 1e9;
        solver.getParameters().setMaxTimeInSeconds(Math.max(0.1, left));
        solver.getParameters().setNumWorkers(workers);
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            throw new IllegalStateException("the sourcing model found no plan: " + status);
        }
        List<SourcingPlan.Assignment> assignments = new ArrayList<>();
        for (Option option : options) {
            if (solver.booleanValue(chosen.get(option))) {
                ForceUnit unit = units.get(option.unit());
                assignments.add(new SourcingPlan.Assignment(requirements.get(option.requirement()).id(), unit.id().value(),
                        unit.nation().value(), option.arrival(), option.lateHours(), explain(unit, option)));
            }
        }
        List<SourcingPlan.Gap> gaps = new ArrayList<>();
        for (int r = 0; r < requirements.size(); r++) {
            int missing = (int) solver.value(shortfalls.get(r));
            if (missing > 0) {
                int requirement = r;
                boolean anyFits = options.stream().anyMatch(o -> o.requirement() == requirement);
                List<String> refused = reasons.getOrDefault(r, List.of());
                List<String> why = !refused.isEmpty() ? refused
                        : List.of(anyFits ? "every fitting unit is needed elsewhere" : "no unit was offered");
                gaps.add(new SourcingPlan.Gap(requirements.get(r).id(), missing, why));
            }
        }
        return new SourcingPlan(assignments, gaps, Math.round(solver.objectiveValue()),
                Math.round(solver.bestObjectiveBound()), status == CpSolverStatus.OPTIMAL);
    }

    /** Why the unit cannot serve the requirement at all, or null if it can. */
    static @Nullable String refusal(ForceUnit unit, Requirement requirement) {
        UnitDetails d = unit.details();
        if (!d.capabilities().contains(requirement.capability())) {
            return "capability: no " + requirement.capability();
        }
        if (!d.caveats().permit(unit.nation().value(), requirement.country(), requirement.use(),
                requirement.durationDays())) {
            return "caveat: " + unit.nation() + " " + d.name() + " may not deploy to " + requirement.country()
                    + (requirement.use() == null ? "" : " for " + requirement.use()) + " for "
                    + requirement.durationDays() + " days";
        }
        if (!d.availableDuring(requirement.neededBy(), requirement.endsAt())) {
            return "availability: " + d.name() + " is not available for the whole period";
        }
        return null;
    }

    /** Personnel per nation; the spread between the most and the least burdened nation is penalised. */
    private static void addImbalance(CpModel model, LinearExprBuilder objective, List<ForceUnit> units,
            List<Option> options, Map<Option, Literal> chosen) {
        Set<String> nations = new TreeSet<>();
        units.forEach(u -> nations.add(u.nation().value()));
        if (nations.size() < 2) {
            return;
        }
        long total = units.stream().mapToLong(u -> u.details().personnel()).sum();
        IntVar most = model.newIntVar(0, total, "most");
        IntVar least = model.newIntVar(0, total, "least");
        for (String nation : nations) {
            LinearExprBuilder burden = LinearExpr.newBuilder();
            options.stream().filter(o -> units.get(o.unit()).nation().value().equals(nation))
                    .forEach(o -> burden.addTerm(chosen.get(o), units.get(o.unit()).details().personnel()));
            LinearExpr sum = burden.build();
            model.addLessOrEqual(sum, most);
            model.addGreaterOrEqual(sum, least);
        }
        objective.addTerm(most, IMBALANCE_PER_PERSON);
        objective.addTerm(least, -IMBALANCE_PER_PERSON);
    }

    private static String explain(ForceUnit unit, Option option) {
        return String.format("%s %s: arrives in %.1f h%s", unit.nation(), unit.details().name(), option.travelHours(),
                option.lateHours() > 0 ? String.format(", %.1f h late", option.lateHours()) : ", on time");
    }

    private static LinearArgument[] append(List<Literal> literals, IntVar extra) {
        List<LinearArgument> all = new ArrayList<>(literals.stream().map(l -> (LinearArgument) l).toList());
        all.add(extra);
        return all.toArray(LinearArgument[]::new);
    }
}
