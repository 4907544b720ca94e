package org.kalkan.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@KalkanTest
class TotpEnrolmentTests {

    @LocalServerPort int port;

    @Test
    void anEnrolledUserNeedsACurrentCodeAndCannotReplayIt() {
        ApiClient api = new ApiClient(port);
        String token = api.token("exercise.director", "kalkan-demo");
        var enrolment = api.post("/api/v1/me/totp", token, Map.of("password", "kalkan-demo"));
        assertThat(enrolment.status()).isEqualTo(201);
        String secret = enrolment.json().get("secret").asString();
        assertThat(enrolment.json().get("otpauthUri").asString()).startsWith("otpauth://totp/Kalkan%3Aexercise.director");

        assertThat(api.post("/api/v1/me/totp/confirmation", token, Map.of("code", "000000")).status()).isEqualTo(400);
        long step = Totp.stepAt(Instant.now());
        var confirmed = api.post("/api/v1/me/totp/confirmation", token, Map.of("code", Totp.code(secret, step)));
        assertThat(confirmed.status()).isEqualTo(204);

        var withoutCode = api.post("/api/v1/auth/tokens", null, Map.of("username", "exercise.director",
                "password", "kalkan-demo"));
        assertThat(withoutCode.status()).isEqualTo(401);
        assertThat(withoutCode.json().get("detail").asString()).contains("one-time code");

        String nextCode = Totp.code(secret, step + 1);
        var withCode = api.post("/api/v1/auth/tokens", null, Map.of("username", "exercise.director",
                "password", "kalkan-demo", "totp", nextCode));
        assertThat(withCode.status()).isEqualTo(201);
        var replayed = api.post("/api/v1/auth/tokens", null, Map.of("username", "exercise.director",
                "password", "kalkan-demo", "totp", nextCode));
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", withCode.json().get("token").asString()).json().get("totpEnabled")
                .asBoolean()).isTrue();
    }
}
