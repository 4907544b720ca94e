package org.kalkan.bench;

import java.nio.file.Path;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.jspecify.annotations.Nullable;

/**
 * A JFR recording of one measured phase (the JDK's "profile" settings: execution samples every 10-20 ms), written to
 * {@code <bench.jfr>-<phase>.jfr} when {@code -Dbench.jfr=<path prefix>} is given. Read it with
 * {@code bench/jfr-breakdown}.
 */
final class Profile {

    private final Recording recording;
    private final Path file;

    private Profile(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    static @Nullable Profile startIfAsked(String phase) throws Exception {
        String prefix = System.getProperty("bench.jfr");
        if (prefix == null || prefix.isBlank()) {
            return null;
        }
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.start();
        return new Profile(recording, Path.of(prefix + "-" + phase + ".jfr"));
    }

    void stop() throws java.io.IOException {
        recording.stop();
        recording.dump(file);
        recording.close();
        System.out.printf("  JFR profile of the phase: %s%n", file.toAbsolutePath());
    }
}
