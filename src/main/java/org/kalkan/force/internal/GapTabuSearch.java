package org.kalkan.force.internal;

import java.time.Duration;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Tabu search for the generalised assignment problem, used to give CP-SAT a strong first solution on instances
 * where its own search stalls (chu1997 type d). Moves one job to another agent (shift) or exchanges the agents of
 * two jobs (swap), choosing the best non-tabu move each iteration. Capacity may be exceeded during the search at a
 * penalty per unit of overload that adapts (up while infeasible, down while feasible), a strategic oscillation
 * that lets the search cross infeasible regions; only feasible assignments are kept as results. Deterministic for a
 * given seed.
 */
final class GapTabuSearch {

    private final GapInstance gap;
    private final int[] agentOfJob;
    private final long[] load;
    private final long[][] tabuUntil;
    private final Random random;
    private long cost;
    private double penalty = 1.0;
    private long iteration;
    private static final int STALL = 3000;
    private static final int KICK = 8;
    private static final int TENURE = 7;
    private long improvedAt;
    private int @Nullable [] best;
    private long bestCost = Long.MAX_VALUE;

    private GapTabuSearch(GapInstance gap, int[] start, long seed) {
        this.gap = gap;
        this.agentOfJob = start.clone();
        this.load = new long[gap.agents()];
        this.tabuUntil = new long[gap.agents()][gap.jobs()];
        this.random = new Random(seed);
        for (int j = 0; j < gap.jobs(); j++) {
            load[agentOfJob[j]] += gap.resource()[agentOfJob[j]][j];
            cost += gap.cost()[agentOfJob[j]][j];
        }
        remember();
    }

    /** The best feasible assignment found from {@code start} within the time limit, or null if none. */
    static int @Nullable [] improve(GapInstance gap, int[] start, Duration limit, long seed) {
        GapTabuSearch search = new GapTabuSearch(gap, start, seed);
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            for (int k = 0; k < 50; k++) {
                search.step();
            }
            if (search.iteration - search.improvedAt > STALL) {
                search.perturbBest();
            }
        }
        return search.best;
    }

    private long overload(int agent, long newLoad) {
        return Math.max(0, newLoad - gap.capacity()[agent]);
    }

    private double penalised(long deltaCost, long deltaOverload) {
        return deltaCost + penalty * deltaOverload;
    }

    private void step() {
        iteration++;
        double bestMove = Double.POSITIVE_INFINITY;
        int moveJob = -1;
        int moveAgent = -1;
        int swapJob = -1;
        int ties = 0;
        int[][] c = gap.cost();
        int[][] r = gap.resource();
        long over = totalOverload();
        for (int j = 0; j < gap.jobs(); j++) {
            int from = agentOfJob[j];
            long fromOver = overload(from, load[from]) - overload(from, load[from] - r[from][j]);
            for (int to = 0; to < gap.agents(); to++) {
                if (to == from) {
                    continue;
                }
                long deltaCost = c[to][j] - c[from][j];
                long deltaOver = overload(to, load[to] + r[to][j]) - overload(to, load[to]) - fromOver;
                double value = penalised(deltaCost, deltaOver);
                boolean aspiration = deltaOver + over == 0 && cost + deltaCost < bestCost;
                if (tabuUntil[to][j] > iteration && !aspiration) {
                    continue;
                }
                if (value < bestMove || (value == bestMove && random.nextInt(++ties) == 0)) {
                    if (value < bestMove) {
                        ties = 1;
                    }
                    bestMove = value;
                    moveJob = j;
                    moveAgent = to;
                    swapJob = -1;
                }
            }
        }
        for (int j1 = 0; j1 < gap.jobs(); j1++) {
            int a = agentOfJob[j1];
            for (int j2 = j1 + 1; j2 < gap.jobs(); j2++) {
                int b = agentOfJob[j2];
                if (a == b) {
                    continue;
                }
                long deltaCost = c[a][j2] + c[b][j1] - c[a][j1] - c[b][j2];
                if (deltaCost > bestMove + penalty * (r[a][j1] + r[b][j2])) {
                    continue; // cannot win even if it removed every unit of overload it could
                }
                long newA = load[a] - r[a][j1] + r[a][j2];
                long newB = load[b] - r[b][j2] + r[b][j1];
                long deltaOver = overload(a, newA) + overload(b, newB) - overload(a, load[a]) - overload(b, load[b]);
                double value = penalised(deltaCost, deltaOver);
                boolean aspiration = deltaOver + over == 0 && cost + deltaCost < bestCost;
                if ((tabuUntil[b][j1] > iteration || tabuUntil[a][j2] > iteration) && !aspiration) {
                    continue;
                }
                if (value < bestMove) {
                    bestMove = value;
                    moveJob = j1;
                    moveAgent = b;
                    swapJob = j2;
                }
            }
        }
        if (moveJob < 0) {
            return;
        }
        if (swapJob >= 0) {
            int a = agentOfJob[moveJob];
            shift(moveJob, moveAgent);
            shift(swapJob, a);
        } else {
            shift(moveJob, moveAgent);
        }
        penalty = totalOverload() > 0 ? Math.min(penalty * 1.05, 1e6) : Math.max(penalty / 1.05, 0.01);
        remember();
    }

    /** Leaves a stalled region: back to the best assignment, then a few random shifts. */
    private void perturbBest() {
        if (best != null) {
            int[] target = best;
            for (int j = 0; j < gap.jobs(); j++) {
                if (agentOfJob[j] != target[j]) {
                    shift(j, target[j]);
                }
            }
        }
        for (int k = 0; k < KICK; k++) {
            shift(random.nextInt(gap.jobs()), random.nextInt(gap.agents()));
        }
        improvedAt = iteration;
    }

    private void shift(int job, int to) {
        int from = agentOfJob[job];
        if (from == to) {
            return;
        }
        load[from] -= gap.resource()[from][job];
        load[to] += gap.resource()[to][job];
        cost += gap.cost()[to][job] - gap.cost()[from][job];
        agentOfJob[job] = to;
        tabuUntil[from][job] = iteration + TENURE + random.nextInt(TENURE + 3);
    }

    private long totalOverload() {
        long total = 0;
        for (int i = 0; i < gap.agents(); i++) {
            total += overload(i, load[i]);
        }
        return total;
    }

    private void remember() {
        if (cost < bestCost && totalOverload() == 0) {
            bestCost = cost;
            best = agentOfJob.clone();
            improvedAt = iteration;
        }
    }
}
