package org.kalkan.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalkan.platform.PlatformProperties;

class FileNodeKeysTests {

    @TempDir Path dataDir;

    private FileNodeKeys start() {
        return new FileNodeKeys(new PlatformProperties(dataDir, new PlatformProperties.Db("", "", "", 10), 1024),
                Clock.systemUTC(), "AZE");
    }

    @Test
    void theKeyIsCreatedOnceAndKeptAcrossRestarts() throws Exception {
        FileNodeKeys first = start();
        FileNodeKeys second = start();
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint()).matches("sha256:[0-9a-f]{64}");
        assertThat(second.certificate().getSubjectX500Principal().getName()).contains("CN=AZE");
        assertThat(first.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(first.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("node/node-key.pem")))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void aSignatureVerifiesOnlyForTheSignedBytes() {
        FileNodeKeys keys = start();
        byte[] data = "tree size 42".getBytes(StandardCharsets.UTF_8);
        byte[] signature = keys.sign(data);
        assertThat(start().verify(data, signature)).isTrue();
        assertThat(keys.verify("tree size 43".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    }
}
