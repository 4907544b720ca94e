package org.kalkan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Secrets in the data directory that instances sharing it, started at once, create once and all read. */
class PrivateFilesTests {

    @Test
    void aSecretAskedForByManyAtOnceIsCreatedOnceAndTheSameForAll() throws Exception {
        Path file = Files.createTempDirectory(Path.of("target"), "private-files-").resolve("shared/secret");
        int callers = 8;
        CyclicBarrier together = new CyclicBarrier(callers);
        AtomicInteger created = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(threads.submit(() -> {
                    together.await();
                    return PrivateFiles.readOrCreate(file, () -> {
                        created.incrementAndGet();
                        return PrivateFiles.randomSecret(32);
                    });
                }));
            }
            List<String> secrets = new ArrayList<>();
            for (Future<String> answer : answers) {
                secrets.add(answer.get());
            }
            assertThat(created).hasValue(1);
            assertThat(secrets).containsOnly(Files.readString(file).strip());
            assertThat(PrivateFiles.ownerOnly(file)).isTrue();
        } finally {
            threads.shutdownNow();
        }
    }
}
