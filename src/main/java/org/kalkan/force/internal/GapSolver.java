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

/**
 * Solves a {@link GapInstance} with OR-Tools CP-SAT (ADR 0005). The {@code hinted} variant starts the search from
 * a regret-greedy assignment and lets CP-SAT prove the bound from there; the plain variant is the textbook model,
 * kept as the baseline the benchmark compares against.
 */
public final class GapSolver {

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

    public static Solution solve(GapInstance gap, Duration limit, int workers, boolean hinted) {
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
        if (hinted) {
            int[] greedy = regretGreedy(gap);
            if (greedy != null) {
                for (int j = 0; j < gap.jobs(); j++) {
                    for (int i = 0; i < gap.agents(); i++) {
                        model.addHint(x[i][j], greedy[j] == i);
                    }
                }
            }
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(limit.toMillis() / 1000.0);
        solver.getParameters().setNumWorkers(workers);
        long start = System.nanoTime();
        CpSolverStatus status = solver.solve(model);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
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
                feasible, wall);
    }

    /**
     * Martello–Toth regret heuristic (MTHG): repeatedly place the job whose best and second-best feasible agents
     * differ most by a desirability measure. Tried with cost, then with resource relative to capacity (which keeps
     * tight instances feasible); the cheapest feasible result wins. Null when every measure paints itself into a
     * corner.
     */
    static int[] regretGreedy(GapInstance gap) {
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

    private static int[] regretGreedy(GapInstance gap, int measure) {
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
