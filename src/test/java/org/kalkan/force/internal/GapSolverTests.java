package org.kalkan.force.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OR-Library instances (MIT, fontanf/generalizedassignmentsolver) with their proven optima. */
class GapSolverTests {

    @ParameterizedTest
    @ValueSource(strings = {"gap1-0", "gap1-1", "gap1-2", "gap1-3", "gap1-4", "gap12-0"})
    void reachesTheProvenOptimum(String name) throws Exception {
        GapInstance instance = GapInstance.read(resource(name));
        GapSolver.Solution solution = GapSolver.solve(instance, Duration.ofSeconds(30), 2, true);
        assertThat(solution.optimal()).isTrue();
        assertThat(solution.objective()).isEqualTo(optima().get(name));
        assertThat(instance.evaluate(solution.agentOfJob())).as("feasible and as reported")
                .isEqualTo(solution.objective());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gap1-0", "gap12-0"})
    void theRegretGreedyStartIsFeasibleButNoBetterThanTheOptimum(String name) throws Exception {
        GapInstance instance = GapInstance.read(resource(name));
        int[] greedy = GapSolver.regretGreedy(instance);
        assertThat(greedy).isNotNull();
        assertThat(instance.evaluate(greedy)).isGreaterThanOrEqualTo(optima().get(name));
    }

    private static Map<String, Long> optima() throws IOException, URISyntaxException {
        return Files.readAllLines(resource("data.csv")).stream().skip(1)
                .map(line -> line.split(","))
                .collect(Collectors.toMap(f -> f[0].substring(f[0].indexOf('/') + 1), f -> Long.parseLong(f[7])));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(GapSolverTests.class.getResource("/gap/" + name).toURI());
    }
}
