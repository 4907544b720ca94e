package org.kalkan.seams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.SessionClient;
import org.kalkan.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12, findings 9 and 15, against a running node: bearer tokens are revocable by their holder and by an
 * administrator, a token alone cannot change the second factor, TOTP confirmations are throttled, and failed
 * sign-ins are throttled per client address and per account from that address, answering alike whether or not
 * the username exists. Each address below is a loopback address of its own, so the tests do not throttle each other.
 */
@KalkanTest
class AccountSeamTests {

    private static final String PASSWORD = "kalkan-demo";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // Finding 9: revocation

    @Test
    void aTokenRevokedByItsHolderIsUselessAtOnce() {
        ApiClient api = new ApiClient(port);
        String user = newUser("revoke");
        String token = api.token(user, PASSWORD);
        String other = api.token(user, PASSWORD);
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/auth/tokens/current", token).status()).isEqualTo(204);

        var refused = api.get("/api/v1/me", token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.delete("/api/v1/auth/tokens/current", token).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", other).status()).as("only the token presented is revoked").isEqualTo(200);
        assertThat(audited("TOKEN_REVOKED", "user:" + user)).isEqualTo(1);
    }

    @Test
    void anAdministratorRevokesEveryTokenOfAUserAndItIsAudited() {
        ApiClient api = new ApiClient(port);
        String user = newUser("revokeall");
        String first = api.token(user, PASSWORD);
        String second = api.token(user, PASSWORD);
        String admin = api.token("admin", PASSWORD);

        var revoked = api.delete("/api/v1/admin/users/" + user + "/tokens", admin);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("revoked").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/me", first).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", second).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", admin).status()).isEqualTo(200);
        assertThat(audited("TOKENS_REVOKED", "user:" + user)).isEqualTo(1);
        assertThat(api.get("/api/v1/me", api.token(user, PASSWORD)).status()).as("a new sign-in works").isEqualTo(200);
    }

    @Test
    void onlyAnAdministratorRevokesAnotherUsersTokens() {
        ApiClient api = new ApiClient(port);
        String user = newUser("victim");
        String token = api.token(user, PASSWORD);

        var refused = api.delete("/api/v1/admin/users/" + user + "/tokens", api.token("tur.officer", PASSWORD));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/admin/users/nobody-" + UUID.randomUUID().toString().substring(0, 8)
                + "/tokens", api.token("admin", PASSWORD)).status()).isEqualTo(404);
    }

    @Test
    void anAdministratorRevokesTokensOnTheAccountsPage() throws Exception {
        ApiClient api = new ApiClient(port);
        String user = newUser("paged");
        String token = api.token(user, PASSWORD);
        HttpClient admin = SessionClient.signedIn(port, "admin");

        String page = admin.send(HttpRequest.newBuilder(URI.create(url("/admin/users"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains(user);
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();

        var posted = admin.send(HttpRequest.newBuilder(URI.create(url("/admin/users/" + user + "/tokens/revocation")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf.group(1),
                        StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
        assertThat(audited("TOKENS_REVOKED", "user:" + user)).isEqualTo(1);

        HttpClient officer = SessionClient.signedIn(port, "tur.officer");
        assertThat(officer.send(HttpRequest.newBuilder(URI.create(url("/admin/users"))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
    }

    // Finding 9: the second factor

    @Test
    void aTokenAloneCannotEnrolOrRemoveASecondFactor() {
        ApiClient api = new ApiClient(port);
        String user = newUser("factor");
        String token = api.token(user, PASSWORD);

        var withoutPassword = api.post("/api/v1/me/totp", token, Map.of());
        assertThat(withoutPassword.status()).isEqualTo(400);
        assertThat(withoutPassword.json().get("errors").get(0).get("where").asString()).isEqualTo("password");
        assertThat(api.post("/api/v1/me/totp", token, Map.of("password", "guess")).status()).isEqualTo(403);
        assertThat(totpSecret(user)).as("nothing was stored").isNull();

        var enrolment = api.post("/api/v1/me/totp", token, Map.of("password", PASSWORD));
        assertThat(enrolment.status()).isEqualTo(201);
        String secret = enrolment.json().get("secret").asString();
        long step = clock.instant().getEpochSecond() / 30;
        assertThat(api.post("/api/v1/me/totp/confirmation", token, Map.of("code", TotpCodes.code(secret, step)))
                .status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", token).json().get("totpEnabled").asBoolean()).isTrue();

        assertThat(api.post("/api/v1/me/totp/removal", token, Map.of()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/me/totp/removal", token, Map.of("password", "guess")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/me", token).json().get("totpEnabled").asBoolean()).isTrue();

        assertThat(api.post("/api/v1/me/totp/removal", token, Map.of("password", PASSWORD)).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", token).json().get("totpEnabled").asBoolean()).isFalse();
        assertThat(audited("TOTP_REMOVED", "user:" + user)).isEqualTo(1);
        assertThat(api.post("/api/v1/auth/tokens", null, Map.of("username", user, "password", PASSWORD)).status())
                .as("signs in without a code again").isEqualTo(201);
    }

    @Test
    void totpConfirmationsAreThrottled() {
        ApiClient api = new ApiClient(port);
        String user = newUser("confirm");
        String token = api.token(user, PASSWORD);
        clock.stopAt(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        String secret = api.post("/api/v1/me/totp", token, Map.of("password", PASSWORD)).json().get("secret")
                .asString();
        long step = clock.instant().getEpochSecond() / 30;
        String right = TotpCodes.code(secret, step);
        String wrong = right.equals("000000") ? "111111" : "000000";

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(api.post("/api/v1/me/totp/confirmation", token, Map.of("code", wrong)).status());
        }
        var throttled = api.post("/api/v1/me/totp/confirmation", token, Map.of("code", right));

        assertThat(statuses).containsOnly(400);
        assertThat(throttled.status()).as("even the right code waits for the backoff").isEqualTo(429);
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/me", token).json().get("totpEnabled").asBoolean()).isFalse();

        clock.advance(Duration.ofSeconds(2));
        assertThat(api.post("/api/v1/me/totp/confirmation", token, Map.of("code", right)).status()).isEqualTo(204);
    }

    // Finding 15: throttling instead of a lock

    @Test
    void throttlingAnswersAlikeForExistingAndUnknownUsernames() {
        clock.stopAt(clock.instant());
        FromAddress client = new FromAddress("127.0.0.21", port);
        String existing = newUser("exists");
        String unknown = "ghost-" + UUID.randomUUID().toString().substring(0, 8);

        List<String> forExisting = new ArrayList<>();
        List<String> forUnknown = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            forExisting.add(answer(client.token(existing, "wrong")));
            forUnknown.add(answer(client.token(unknown, "wrong")));
        }

        assertThat(forExisting).as("status, title and detail for an existing user")
                .isEqualTo(forUnknown).anyMatch(a -> a.startsWith("429"));
        var existingThrottled = client.token(existing, "wrong");
        var unknownThrottled = client.token(unknown, "wrong");
        assertThat(existingThrottled.header("Retry-After")).isNotNull()
                .isEqualTo(unknownThrottled.header("Retry-After"));
    }

    @Test
    void failuresFromOneAddressDoNotLockTheOwnerOutFromAnother() {
        clock.stopAt(clock.instant());
        String owner = newUser("owner");
        FromAddress attacker = new FromAddress("127.0.0.22", port);
        for (int i = 0; i < 8; i++) {
            attacker.token(owner, "guess-" + i);
        }
        assertThat(attacker.token(owner, PASSWORD).status()).as("the guessing address waits").isEqualTo(429);

        assertThat(new FromAddress("127.0.0.23", port).token(owner, PASSWORD).status())
                .as("the owner elsewhere signs in at once").isEqualTo(201);

        clock.advance(Duration.ofMinutes(16));
        assertThat(attacker.token(owner, PASSWORD).status()).as("a backoff, not a lock").isEqualTo(201);
    }

    @Test
    void anAddressWithManyFailuresIsThrottledWhateverTheUsername() {
        clock.stopAt(clock.instant());
        String user = newUser("bystander");
        FromAddress noisy = new FromAddress("127.0.0.24", port);
        for (int i = 0; i < 20; i++) {
            assertThat(noisy.token("spray-" + i + "-" + UUID.randomUUID().toString().substring(0, 6), "x").status())
                    .isEqualTo(401);
        }

        var throttled = noisy.token(user, PASSWORD);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotNull();
        assertThat(new FromAddress("127.0.0.25", port).token(user, PASSWORD).status()).isEqualTo(201);

        clock.advance(Duration.ofMinutes(16));
        assertThat(noisy.token(user, PASSWORD).status()).isEqualTo(201);
    }

    private static String answer(FromAddress.Response response) {
        if (response.status() == 201) {
            return "201";
        }
        var problem = response.json();
        return response.status() + " " + problem.get("title").asString() + " " + problem.get("detail").asString();
    }

    /** A new account with the demo password, so that revoking and throttling it disturbs no other test. */
    private String newUser(String prefix) {
        String username = prefix + "." + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, nation, clearance, roles, password_hash, created_at)
                SELECT :username, 'Seam test user', 'UZB', 1, '{REPORTING_OFFICER}', password_hash, now()
                FROM app_user WHERE username = 'uzb.officer'""").param("username", username).update();
        return username;
    }

    private String totpSecret(String username) {
        return jdbc.sql("SELECT totp_secret FROM app_user WHERE username = :u").param("u", username)
                .query(String.class).optional().orElse(null);
    }

    private long audited(String action, String target) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = :action AND target = :target")
                .param("action", action).param("target", target).query(Long.class).single();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
