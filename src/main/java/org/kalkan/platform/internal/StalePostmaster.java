package org.kalkan.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After {@code kill -9} of the JVM the embedded postgres child survives and holds the data directory. Its PID is
 * line 1 of {@code postmaster.pid}. We ask it to shut down (SIGTERM: it finishes cleanly once the dead JVM's
 * connections are gone), and only force it if it will not go.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {
    }

    static void stopIfRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(StalePostmaster::isPostgres);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle process = orphan.get();
        log.warn("A PostgreSQL server (pid {}) left by an earlier run holds {}; stopping it", process.pid(),
                dataDirectory);
        process.destroy();
        if (!waitForExit(process, Duration.ofSeconds(30))) {
            log.warn("PostgreSQL pid {} ignored SIGTERM; killing it (it will recover from its WAL)", process.pid());
            process.destroyForcibly();
            waitForExit(process, Duration.ofSeconds(10));
        }
        waitForFileToGo(pidFile, Duration.ofSeconds(5));
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        // A reused PID belonging to another program must not be killed.
        return process.info().command().map(c -> c.contains("postgres")).orElse(true);
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void waitForFileToGo(Path file, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Files.exists(file) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
