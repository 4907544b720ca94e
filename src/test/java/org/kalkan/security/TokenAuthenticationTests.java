package org.kalkan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@KalkanTest
class TokenAuthenticationTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void aTokenIdentifiesTheCaller() {
        ApiClient api = new ApiClient(port);
        var issued = api.post("/api/v1/auth/tokens", null, Map.of("username", "aze.officer",
                "password", "kalkan-demo"));
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.json().get("expiresAt").asString()).endsWith("Z");

        var me = api.get("/api/v1/me", issued.json().get("token").asString());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("aze.officer");
        assertThat(me.json().get("nation").asString()).isEqualTo("AZE");
        assertThat(me.json().get("clearance").asString()).isEqualTo("SECRET");
        assertThat(me.json().get("roles").get(0).asString()).isEqualTo("REPORTING_OFFICER");
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        var refused = new ApiClient(port).post("/api/v1/auth/tokens", null,
                Map.of("username", "kgz.officer", "password", "guess"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).doesNotContain("token\"");
    }

    @Test
    void anExpiredTokenIsRefused() {
        ApiClient api = new ApiClient(port);
        String token = api.token("tur.officer", "kalkan-demo");
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);

        jdbc.sql("UPDATE api_token SET expires_at = now() - interval '1 second' WHERE token_hash = :hash")
                .param("hash", sha256(token)).update();

        var refused = api.get("/api/v1/me", token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("expired");
    }

    @Test
    void anUnknownTokenAndNoTokenAreRefused() {
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/v1/me", "not-a-token").status()).isEqualTo(401);
        var anonymous = api.get("/api/v1/me", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }

    static String sha256(String token) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
