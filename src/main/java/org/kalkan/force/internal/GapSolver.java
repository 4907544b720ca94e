package org.kalkan.force.internal;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Solves a {@link GapInstance} with OR-Tools CP-SAT (ADR 0005). The {@code hinted} variant starts the search from
 * a regret-greedy assignment, improves it with a tabu search when CP-SAT does not prove optimality quickly, and
 * lets CP-SAT continue from there; the plain variant is the textbook model, kept as the baseline the benchmark
 * compares against.
 */
final class GapSolver {

    static {
        Loader.loadNativeLibraries();
    }

    /** The assignment found, its cost, CP-SAT's lower bound and whether it is proven optimal. */
    public record Solution(int[] agentOfJob, long objective, long bound, boolean optimal, boolean feasible,
            Duration wallTime) {

        public double gapPercent() {
            return objective == 0 ? 0 : 100.0 * (objective - bound) / objective;
        }
    }

    private GapSolver() {
    }

    /**
     * The plain variant is one CP-SAT run. The hinted variant runs CP-SAT from the regret-greedy assignment for two
     * fifths of the time, which proves most instances optimal; unless it did, a tabu search improves the best
     * assignment for a twentieth, a neighbourhood search (small sub-problems solved exactly) for a quarter, and
     * CP-SAT continues from the result for the rest, still proving the bound. The best assignment and bound win.
     */
    public static Solution solve(GapInstance gap, Duration limit, int workers, boolean hinted) {
        long start = System.nanoTime();
        if (!hinted) {
            return cpSat(gap, limit, workers, null, start);
        }
        int[] greedy = regretGreedy(gap);
        Solution first = cpSat(gap, limit.multipliedBy(2).dividedBy(5), workers, greedy, start);
        if (first.optimal()) {
            return first;
        }
        int[] from = first.feasible() ? first.agentOfJob() : greedy != null ? greedy : cheapest(gap);
        int[] improved = GapTabuSearch.improve(gap, from, limit.dividedBy(20), 20261125L);
        if (improved != null || first.feasible()) {
            improved = GapNeighbourhoodSearch.improve(gap, improved != null ? improved : from,
                    limit.dividedBy(4), 20261125L);
        }
        int[] hint = improved != null ? improved : from;
        Duration left = limit.minusNanos(System.nanoTime() - start);
        Solution second = cpSat(gap, left.isNegative() ? Duration.ZERO : left, workers, hint, start);
        long bound = Math.max(first.bound(), second.bound());
        Solution best = second.feasible() ? second : first;
        if (improved != null && (!best.feasible() || gap.evaluate(improved) < best.objective())) {
            best = new Solution(improved, gap.evaluate(improved), bound, false, true, Duration.ZERO);
        }
        return new Solution(best.agentOfJob(), best.objective(), bound,
                best.feasible() && (best.optimal() || best.objective() == bound), best.feasible(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** One single-worker CP-SAT run from a hint, for the small sub-problems of a neighbourhood search. */
    static Solution exactly(GapInstance gap, Duration limit, int[] hint) {
        return cpSat(gap, limit, 1, hint, System.nanoTime());
    }

    private static Solution cpSat(GapInstance gap, Duration limit, int workers, int @Nullable [] hint, long start) {
        CpModel model = new CpModel();
        Literal[][] x = new Literal[gap.agents()][gap.jobs()];
        for (int i = 0; i < gap.agents(); i++) {
            for (int j = 0; j < gap.jobs(); j++) {
                x[i][j] = model.newBoolVar("x" + i + "_" + j);
            }
        }
        for (int j = 0; j < gap.jobs(); j++) {
            int job = j;
            model.addExactlyOne(IntStream.range(0, gap.agents()).mapToObj(i -> x[i][job]).toArray(Literal[]::new));
        }
        for (int i = 0; i < gap.agents(); i++) {
            model.addLessOrEqual(LinearExpr.weightedSum(x[i], longs(gap.resource()[i])), gap.capacity()[i]);
        }
        Literal[] all = Arrays.stream(x).flatMap(Arrays::stream).toArray(Literal[]::new);
        long[] costs = Arrays.stream(gap.cost()).flatMapToLong(row -> Arrays.stream(row).asLongStream()).toArray();
        model.minimize(LinearExpr.weightedSum(all, costs));
        if (hint != null) {
            for (int j = 0; j < gap.jobs(); j++) {
                for (int i = 0; i < gap.agents(); i++) {
                    model.addHint(x[i][j], hint[j] == i);
                }
            }
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(Math.max(0.01, limit.toMillis() / 1000.0));
        solver.getParameters().setNumWorkers(workers);
        CpSolverStatus status = solver.solve(model);
        boolean feasible = status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
        int[] agentOfJob = new int[gap.jobs()];
        Arrays.fill(agentOfJob, -1);
        if (feasible) {
            for (int j = 0; j < gap.jobs(); j++) {
                for (int i = 0; i < gap.agents(); i++) {
                    if (solver.booleanValue(x[i][j])) {
                        agentOfJob[j] = i;
                    }
                }
            }
        }
        return new Solution(agentOfJob, feasible ? Math.round(solver.objectiveValue()) : -1,
                Math.round(Math.ceil(solver.bestObjectiveBound() - 1e-6)), status == CpSolverStatus.OPTIMAL,
                feasible, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Every job on its cheapest agent: a start for the tabu search when no feasible assignment is known. */
    private static int[] cheapest(GapInstance gap) {
        int[] agentOfJob = new int[gap.jobs()];
        for (int j = 0; j < gap.jobs(); j++) {
            int job = j;
            agentOfJob[j] = IntStream.range(0, gap.agents()).boxed()
                    .min(Comparator.comparingInt(i -> gap.cost()[i][job])).orElseThrow();
        }
        return agentOfJob;
    }

    /**
     * Martello–Toth regret heuristic (MTHG): repeatedly place the job whose best and second-best feasible agents
     * differ most by a desirability measure. Tried with cost, then with resource relative to capacity (which keeps
     * tight instances feasible); the cheapest feasible result wins. Null when every measure paints itself into a
     * corner.
     */
    static int @Nullable [] regretGreedy(GapInstance gap) {
        int[] best = null;
        long bestCost = Long.MAX_VALUE;
        for (int measure = 0; measure < 3; measure++) {
            int[] candidate = regretGreedy(gap, measure);
            long cost = candidate == null ? -1 : gap.evaluate(candidate);
            if (cost >= 0 && cost < bestCost) {
                best = candidate;
                bestCost = cost;
            }
        }
        return best;
    }

    private static double desirability(GapInstance gap, int measure, int agent, int job) {
        return switch (measure) {
            case 0 -> gap.cost()[agent][job];
            case 1 -> (double) gap.resource()[agent][job] / gap.capacity()[agent];
            default -> (double) gap.cost()[agent][job] * gap.resource()[agent][job];
        };
    }

    private static int @Nullable [] regretGreedy(GapInstance gap, int measure) {
        int[] left = gap.capacity().clone();
        int[] agentOfJob = new int[gap.jobs()];
        Arrays.fill(agentOfJob, -1);
        for (int placed = 0; placed < gap.jobs(); placed++) {
            int bestJob = -1;
            int bestAgent = -1;
            double bestRegret = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < gap.jobs(); j++) {
                if (agentOfJob[j] >= 0) {
                    continue;
                }
                int job = j;
                Integer[] feasible = IntStream.range(0, gap.agents())
                        .filter(i -> gap.resource()[i][job] <= left[i]).boxed()
                        .sorted(Comparator.comparingDouble(i -> desirability(gap, measure, i, job)))
                        .toArray(Integer[]::new);
                if (feasible.length == 0) {
                    return null;
                }
                double regret = feasible.length == 1 ? Double.POSITIVE_INFINITY
                        : desirability(gap, measure, feasible[1], j) - desirability(gap, measure, feasible[0], j);
                if (regret > bestRegret) {
                    bestRegret = regret;
                    bestJob = j;
                    bestAgent = feasible[0];
                }
            }
            agentOfJob[bestJob] = bestAgent;
            left[bestAgent] -= gap.resource()[bestAgent][bestJob];
        }
        return agentOfJob;
    }

    private static long[] longs(int[] values) {
        return Arrays.stream(values).asLongStream().toArray();
    }
}
