package org.kalkan.force.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Large-neighbourhood search for the generalised assignment problem: free a few agents and the jobs they hold,
 * re-solve that small assignment exactly with CP-SAT while every other job stays where it is, keep the result if
 * it is cheaper. Each sub-problem respects the freed agents' capacities, so the assignment stays feasible
 * throughout. Used on instances where one CP-SAT run over the whole model stalls (chu1997 type d).
 */
final class GapNeighbourhoodSearch {

    private static final int FREED_AGENTS = 8;

    private GapNeighbourhoodSearch() {
    }

    /** A feasible assignment at most as costly as {@code start} (which must be feasible). */
    static int[] improve(GapInstance gap, int[] start, Duration limit, long seed) {
        Random random = new Random(seed);
        int[] current = start.clone();
        long deadline = System.nanoTime() + limit.toNanos();
        int freed = Math.min(FREED_AGENTS, gap.agents());
        while (System.nanoTime() < deadline) {
            List<Integer> agents = new ArrayList<>();
            while (agents.size() < freed) {
                int agent = random.nextInt(gap.agents());
                if (!agents.contains(agent)) {
                    agents.add(agent);
                }
            }
            resolve(gap, current, agents, Duration.ofNanos(Math.min(deadline - System.nanoTime(), 500_000_000L)));
        }
        return current;
    }

    private static void resolve(GapInstance gap, int[] current, List<Integer> agents, Duration limit) {
        List<Integer> jobs = new ArrayList<>();
        for (int j = 0; j < gap.jobs(); j++) {
            if (agents.contains(current[j])) {
                jobs.add(j);
            }
        }
        int m = agents.size();
        int n = jobs.size();
        if (n == 0 || limit.isNegative() || limit.isZero()) {
            return;
        }
        int[][] cost = new int[m][n];
        int[][] resource = new int[m][n];
        int[] capacity = new int[m];
        int[] hint = new int[n];
        long before = 0;
        for (int a = 0; a < m; a++) {
            capacity[a] = gap.capacity()[agents.get(a)];
            for (int k = 0; k < n; k++) {
                cost[a][k] = gap.cost()[agents.get(a)][jobs.get(k)];
                resource[a][k] = gap.resource()[agents.get(a)][jobs.get(k)];
            }
        }
        for (int k = 0; k < n; k++) {
            hint[k] = agents.indexOf(current[jobs.get(k)]);
            before += cost[hint[k]][k];
        }
        GapSolver.Solution sub = GapSolver.exactly(new GapInstance(m, n, cost, resource, capacity), limit, hint);
        if (sub.feasible() && sub.objective() < before) {
            for (int k = 0; k < n; k++) {
                current[jobs.get(k)] = agents.get(sub.agentOfJob()[k]);
            }
        }
    }
}
