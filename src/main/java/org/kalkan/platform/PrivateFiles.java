package org.kalkan.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
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
