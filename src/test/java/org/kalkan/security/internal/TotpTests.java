package org.kalkan.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTests {

    private static final byte[] RFC_6238_SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfc6238TestVectors() {
        // RFC 6238 appendix B gives 8 digits; authenticator apps show the last 6.
        assertThat(Totp.code(RFC_6238_SHA1_KEY, Totp.stepAt(Instant.ofEpochSecond(59)), "HmacSHA1"))
                .isEqualTo("287082");
        assertThat(Totp.code(RFC_6238_SHA1_KEY, Totp.stepAt(Instant.ofEpochSecond(1111111109)), "HmacSHA1"))
                .isEqualTo("081804");
        assertThat(Totp.code(RFC_6238_SHA1_KEY, Totp.stepAt(Instant.ofEpochSecond(2000000000)), "HmacSHA1"))
                .isEqualTo("279037");
    }

    @Test
    void base32RoundTrips() {
        assertThat(Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        String secret = Totp.newSecret();
        assertThat(Totp.base32(Totp.base32Decode(secret))).isEqualTo(secret);
    }

    @Test
    void acceptsOneStepOfClockDriftButNotTwo() {
        String secret = Totp.base32(RFC_6238_SHA1_KEY);
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = Totp.stepAt(now);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 2), now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "12345", now)).isEmpty();
    }
}
