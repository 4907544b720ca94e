package org.kalkan.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time used by this JVM (node and clients) and by the node's embedded PostgreSQL (the postmaster and its
 * children, from /proc), so a result can be read as CPU per operation — which the other builds on a shared
 * machine do not change the way they change wall-clock throughput.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ, `getconf CLK_TCK` on Linux

    private final long postmaster;
    private final double jvmStart;
    private final double postgresStart;

    private CpuMeter(long postmaster) {
        this.postmaster = postmaster;
        this.jvmStart = jvmSeconds();
        this.postgresStart = postgresSeconds(postmaster);
    }

    /** Starts measuring; the postmaster's pid is the first line of postmaster.pid in the node's data directory. */
    static CpuMeter start(Path dataDir) throws IOException {
        List<String> lines = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        return new CpuMeter(Long.parseLong(lines.get(0).trim()));
    }

    /** CPU seconds since start: {jvm, postgres}. */
    double[] stop() {
        return new double[] {jvmSeconds() - jvmStart, postgresSeconds(postmaster) - postgresStart};
    }

    private static double jvmSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }

    private static double postgresSeconds(long postmaster) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToDouble(p -> ticks(p, postmaster)).sum() / TICKS_PER_SECOND;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** utime + stime (+ reaped children's) of the postmaster or one of its children; 0 for other processes. */
    private static double ticks(Path process, long postmaster) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long pid = Long.parseLong(process.getFileName().toString());
            long parent = Long.parseLong(fields[1]);
            if (pid != postmaster && parent != postmaster) {
                return 0;
            }
            return Double.parseDouble(fields[11]) + Double.parseDouble(fields[12]) + Double.parseDouble(fields[13])
                    + Double.parseDouble(fields[14]);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }
}
