package org.kalkan.force.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The improvement heuristics never break a capacity and never make an assignment worse. */
class GapHeuristicsTests {

    @ParameterizedTest
    @ValueSource(strings = {"gap1-0", "gap12-0"})
    void tabuSearchFindsAFeasibleAssignmentNoWorseThanItsStart(String name) throws Exception {
        GapInstance gap = GapInstance.read(Path.of("src/test/resources/gap", name));
        int[] greedy = GapSolver.regretGreedy(gap);

        int[] improved = GapTabuSearch.improve(gap, greedy, Duration.ofMillis(300), 1);

        assertThat(gap.evaluate(improved)).isNotNegative().isLessThanOrEqualTo(gap.evaluate(greedy));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gap1-0", "gap12-0"})
    void tabuSearchRepairsAnInfeasibleStart(String name) throws Exception {
        GapInstance gap = GapInstance.read(Path.of("src/test/resources/gap", name));
        int[] everythingOnAgentZero = new int[gap.jobs()];

        assertThat(gap.evaluate(everythingOnAgentZero)).isNegative();
        assertThat(gap.evaluate(GapTabuSearch.improve(gap, everythingOnAgentZero, Duration.ofMillis(500), 1)))
                .isNotNegative();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gap1-0", "gap12-0"})
    void neighbourhoodSearchKeepsTheAssignmentFeasibleAndNoWorse(String name) throws Exception {
        GapInstance gap = GapInstance.read(Path.of("src/test/resources/gap", name));
        int[] greedy = GapSolver.regretGreedy(gap);

        int[] improved = GapNeighbourhoodSearch.improve(gap, greedy, Duration.ofMillis(300), 1);

        assertThat(gap.evaluate(improved)).isNotNegative().isLessThanOrEqualTo(gap.evaluate(greedy));
    }
}
