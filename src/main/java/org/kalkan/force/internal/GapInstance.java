package org.kalkan.force.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Scanner;

/**
 * A generalised assignment problem: every job goes to exactly one agent, within each agent's capacity, at minimum
 * total cost. The core of sourcing requirements from national offers. Reads the OR-Library format: {@code m n},
 * the m×n cost matrix, the m×n resource matrix, then the m capacities.
 */
public record GapInstance(int agents, int jobs, int[][] cost, int[][] resource, int[] capacity) {

    public static GapInstance read(Path file) throws IOException {
        try (Scanner in = new Scanner(Files.newBufferedReader(file))) {
            int m = in.nextInt();
            int n = in.nextInt();
            int[][] cost = new int[m][n];
            int[][] resource = new int[m][n];
            int[] capacity = new int[m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    cost[i][j] = in.nextInt();
                }
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    resource[i][j] = in.nextInt();
                }
            }
            for (int i = 0; i < m; i++) {
                capacity[i] = in.nextInt();
            }
            return new GapInstance(m, n, cost, resource, capacity);
        }
    }

    /** Total cost of an assignment (job → agent), or -1 if it breaks a capacity or leaves a job out. */
    public long evaluate(int[] agentOfJob) {
        long[] used = new long[agents];
        long total = 0;
        for (int j = 0; j < jobs; j++) {
            int i = agentOfJob[j];
            if (i < 0 || i >= agents) {
                return -1;
            }
            used[i] += resource[i][j];
            total += cost[i][j];
        }
        for (int i = 0; i < agents; i++) {
            if (used[i] > capacity[i]) {
                return -1;
            }
        }
        return total;
    }
}
