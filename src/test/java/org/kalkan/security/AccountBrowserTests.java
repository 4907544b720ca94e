package org.kalkan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.Browser;
import org.kalkan.KalkanTest;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages of issue 12 part C in a real browser: the administrator's accounts page revoking a user's tokens, the
 * second factor asking for the password, and the node's own 400 page for a malformed address.
 */
@KalkanTest
class AccountBrowserTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    private ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAdministratorRevokesAUsersTokensOnTheAccountsPage() {
        String user = "paged." + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, nation, clearance, roles, password_hash, created_at)
                SELECT :u, 'Script account', 'KGZ', 1, '{REPORTING_OFFICER}', password_hash, now()
                FROM app_user WHERE username = 'kgz.officer'""").param("u", user).update();
        ApiClient api = new ApiClient(port);
        String token = api.token(user, "kalkan-demo");
        api.token(user, "kalkan-demo");

        browser = Browser.signedIn(port, "admin");
        browser.get("http://localhost:" + port + "/admin/users");
        assertThat(browser.findElement(By.cssSelector("#user-" + user.replace(".", "\\.") + " .tokens")).getText())
                .isEqualTo("2");
        Browser.screenshot(browser, "admin-users");
        browser.findElement(By.id("revoke-" + user)).click();

        Browser.await(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("users-revoked")).isEmpty());
        assertThat(browser.findElement(By.id("users-revoked")).getText()).contains(user, "2");
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
        Browser.screenshot(browser, "admin-users-revoked");
    }

    @Test
    void enrollingASecondFactorAsksForThePasswordAgain() {
        browser = Browser.signedIn(port, "kgz.delegate");
        browser.get("http://localhost:" + port + "/account");
        browser.findElement(By.id("enrol-password")).sendKeys("not-my-password");
        browser.findElement(By.id("totp-start")).click();

        Browser.await(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".error")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".error")).getText()).contains("password is not right");
        assertThat(browser.findElements(By.id("totp-secret"))).isEmpty();
        Browser.screenshot(browser, "account-totp-password");
    }

    @Test
    void aMalformedAddressShowsTheNodesOwn400Page() {
        browser = Browser.signedIn(port, "cmc.watch");
        browser.get("http://localhost:" + port + "/alerts/not-an-id");

        assertThat(browser.findElement(By.id("error-status")).getText()).isEqualTo("400");
        assertThat(browser.findElement(By.id("error-detail")).getText()).contains("not-an-id");
        assertThat(browser.findElement(By.id("classification-banner")).isDisplayed()).isTrue();
        Browser.screenshot(browser, "error-400");
    }
}
