package org.kalkan.force.internal;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code bench/gap FILE [SECONDS] [plain]}: solves one OR-Library GAP instance and prints
 * {@code objective=<value> optimal=<true|false>} (and, on stderr, the bound and time).
 */
public final class GapCommand {

    private GapCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: bench/gap FILE [SECONDS] [plain]");
            System.exit(2);
        }
        GapInstance instance = GapInstance.read(Path.of(args[0]));
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 60;
        boolean plain = args.length > 2 && args[2].equals("plain");
        GapSolver.Solution solution = GapSolver.solve(instance, Duration.ofMillis((long) (seconds * 1000)),
                Runtime.getRuntime().availableProcessors(), !plain);
        System.out.println("objective=" + solution.objective() + " optimal=" + solution.optimal());
        System.err.printf("bound=%d gap=%.3f%% time=%.2fs model=%s%n", solution.bound(), solution.gapPercent(),
                solution.wallTime().toMillis() / 1000.0, plain ? "plain" : "hinted");
    }
}
