package org.kalkan.interop.cot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalkan.platform.PlatformProperties;

class CertificateAuthorityTests {

    @TempDir
    Path dataDir;

    @Test
    void theCaIsCreatedOnceKeptOwnerOnlyAndReloadedAtTheNextStart() throws Exception {
        var first = authority();
        Path key = dataDir.resolve("cot/ca-key.pem");
        assertThat(Files.getPosixFilePermissions(key))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        var second = authority();
        assertThat(second.caCertificate()).isEqualTo(first.caCertificate());
        second.serverCertificate().verify(first.caCertificate().getPublicKey());
    }

    private CertificateAuthority authority() throws Exception {
        return new CertificateAuthority(
                new PlatformProperties(dataDir, new PlatformProperties.Db("", "", "", 1), 1024),
                new CotProperties(true, "127.0.0.1", 0, -1, "", 1024, 16, "RESTRICTED // REL TO MEMBERS",
                        "localhost", Duration.ofDays(1), Duration.ofSeconds(2), 32, 5000, Duration.ofHours(24)),
                Clock.systemUTC());
    }
}
