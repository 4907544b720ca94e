package org.kalkan.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.kalkan.KalkanApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A full Kalkan node for a benchmark: the demo profile (its accounts), a fresh embedded PostgreSQL under
 * {@code target/bench-data/}, durable as in production (fsync and synchronous commit on), a random port.
 */
final class BenchNode implements AutoCloseable {

    final ConfigurableApplicationContext context;
    final int port;
    final Path dataDir;

    private BenchNode(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
    }

    /** Starts the node; {@code extraArguments} are further {@code --key=value} settings. */
    static BenchNode start(String... extraArguments) {
        Path dataDir = Path.of("target", "bench-data", UUID.randomUUID().toString());
        String[] arguments = Arrays.copyOf(new String[] {"--server.port=0",
                "--kalkan.platform.data-dir=" + dataDir, "--logging.level.root=WARN"}, 3 + extraArguments.length);
        System.arraycopy(extraArguments, 0, arguments, 3, extraArguments.length);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(KalkanApplication.class)
                .profiles("demo").run(arguments);
        return new BenchNode(context, dataDir);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    /** The machine and the moment, printed with every result. */
    static void describeMachine() {
        System.out.printf("date: %s%njava: %s %s (%s)%ncpus: %d, max heap: %d MiB; virtual threads for requests: %s%n",
                Instant.now(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.home"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("spring.threads.virtual.enabled", "false"));
        printLoad("start");
    }

    /** The load average (1, 5, 15 minutes) now: how busy the shared machine was. */
    static void printLoad(String moment) {
        try {
            String load = java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
            System.out.printf("[%s] load average %s at %s%n", moment, load.substring(0, load.indexOf(' ',
                    load.indexOf(' ', load.indexOf(' ') + 1) + 1)), Instant.now());
        } catch (java.io.IOException | RuntimeException e) {
            System.out.printf("[%s] load average unknown%n", moment);
        }
    }

    /** The value at quantile q (0..1) of sorted values, nearest rank. */
    static double quantile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Waits for every submitted task; a benchmark has no deadline. */
    static void await(java.util.concurrent.ExecutorService executor) throws InterruptedException {
        executor.shutdown();
        while (!executor.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
            System.out.println("  still running...");
        }
    }

    static int intProperty(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)));
    }
}
