package org.kalkan.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets a node keeps in its data directory (the embedded database's password, the first administrator's
 * password, the metrics scrape token, the node key): files only the node's own user may read and write (0600 on
 * POSIX file systems). A file is written whole or not at all, so a crash never leaves half a secret behind.
 */
public final class PrivateFiles {

    private static final Logger log = LoggerFactory.getLogger(PrivateFiles.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LOCK_WAIT = Duration.ofMinutes(2);
    private static final ConcurrentMap<Path, ReentrantLock> DIRECTORY_LOCKS = new ConcurrentHashMap<>();
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private PrivateFiles() {
    }

    /** A random secret of {@code bytes} bytes, URL-safe Base64 without padding (no quotes, spaces or newlines). */
    public static String randomSecret(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * The secret kept in {@code file}; when the file is missing or empty, {@code created} is written there first. A
     * file that others may read is made owner-only again.
     */
    public static String readOrCreate(Path file, Supplier<String> created) throws IOException {
        Path directory = Objects.requireNonNull(file.toAbsolutePath().getParent(), "a file has a directory");
        return exclusively(directory, () -> readOrCreateAlone(file, created));
    }

    private static String readOrCreateAlone(Path file, Supplier<String> created) throws IOException {
        if (Files.isRegularFile(file)) {
            restrict(file);
            String content = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!content.isEmpty()) {
                return content;
            }
        }
        String secret = created.get();
        write(file, secret);
        return secret;
    }

    /**
     * Runs {@code work} — typically: read files of {@code directory}, or create them when missing — while no other
     * thread of this JVM and no other process on a file system that honours POSIX record locks runs work on the same
     * directory. Instances of a cluster share their data directory (the node's keys, the CoT authority): two started
     * at once would otherwise each find no key, each create one and overwrite the other's, and each keep its own in
     * memory. The lock is {@code <directory>/.create.lock}; waiting longer than two minutes fails.
     */
    public static <T> T exclusively(Path directory, FileWork<T> work) throws IOException {
        Path normalized = directory.toAbsolutePath().normalize();
        Files.createDirectories(normalized);
        ReentrantLock inThisJvm = DIRECTORY_LOCKS.computeIfAbsent(normalized, d -> new ReentrantLock());
        try {
            if (!inThisJvm.tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("another thread has been creating files in " + normalized + " for more than "
                        + LOCK_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to create files in " + normalized, e);
        }
        try {
            if (inThisJvm.getHoldCount() > 1) {
                return work.run(); // nested: this thread holds the file lock already
            }
            try (FileChannel channel = FileChannel.open(normalized.resolve(".create.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = lock(channel, normalized)) {
                return work.run();
            }
        } finally {
            inThisJvm.unlock();
        }
    }

    /** Work on the files of one directory. */
    @FunctionalInterface
    public interface FileWork<T> {
        T run() throws IOException;
    }

    private static FileLock lock(FileChannel channel, Path directory) throws IOException {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("another process has been creating files in " + directory + " for more than "
                        + LOCK_WAIT + " (it holds " + directory.resolve(".create.lock") + ")");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting to create files in " + directory, e);
            }
        }
    }

    /** Writes {@code content} to {@code file} (replacing it), readable and writable by the node's user only. */
    public static void write(Path file, String content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = posix()
                ? Files.createTempFile(directory, ".tmp-", "", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(directory, ".tmp-", "");
        try {
            Files.writeString(temporary, content + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Whether only the owner may read and write {@code file} (always true where there are no POSIX permissions). */
    public static boolean ownerOnly(Path file) throws IOException {
        return !posix() || Files.getPosixFilePermissions(file).equals(OWNER_ONLY);
    }

    private static void restrict(Path file) throws IOException {
        if (!ownerOnly(file)) {
            log.warn("{} was readable by others; it is now readable by this node's user only", file);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
