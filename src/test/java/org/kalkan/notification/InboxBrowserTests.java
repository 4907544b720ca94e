package org.kalkan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.notification.AlertFixtures.PASSWORD;
import static org.kalkan.notification.AlertFixtures.alert;
import static org.kalkan.notification.AlertFixtures.raise;
import static org.kalkan.notification.AlertFixtures.recipient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.Browser;
import org.kalkan.KalkanTest;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A reporting officer watches the inbox, an alert appears without reloading, and they acknowledge it. */
@KalkanTest
class InboxBrowserTests {

    @LocalServerPort int port;
    private ChromeDriver browser;

    @BeforeEach
    void open() {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aNewAlertAppearsInTheInboxWithoutReloadingAndIsAcknowledged() {
        signIn("aze.officer");
        browser.findElement(By.linkText("Alerts")).click();
        WebDriverWait wait = Browser.await(browser, Duration.ofSeconds(15));
        wait.until(d -> "true".equals(d.findElement(By.id("alert-inbox")).getDomAttribute("data-live")));
        browser.executeScript("window.kalkanSamePage = true;");

        ApiClient api = new ApiClient(port);
        String watch = api.token("cmc.watch", PASSWORD);
        String text = "Armed group crossing near Astara, " + System.nanoTime();
        String id = raise(api, watch, alert(text, Map.of("users", List.of("aze.officer")), "FLASH", "RESTRICTED",
                "AZE", "TUR"));

        wait.until(d -> d.findElement(By.id("alert-inbox")).getText().contains(text));
        assertThat(browser.executeScript("return window.kalkanSamePage === true;")).as("no reload").isEqualTo(true);
        var row = browser.findElement(By.id("alert-" + id));
        assertThat(row.getText()).contains("RESTRICTED // REL TO AZE, TUR").contains("Waiting for you")
                .containsPattern("\\d{6}Z[A-Z]{3}\\d{2}").containsPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(browser.findElement(By.id("classification-banner")).getText()).isNotEqualTo("UNCLASSIFIED");
        Browser.screenshot(browser, "alerts-inbox-new-alert");

        browser.findElement(By.id("ack-" + id)).click();
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector("[role=status]")).getText()
                .equals("Alert acknowledged."));
        assertThat(browser.findElement(By.id("alert-" + id)).getText()).contains("Acknowledged");
        assertThat(Browser.findNow(browser, By.id("ack-" + id))).isEmpty();
        Browser.screenshot(browser, "alerts-inbox-acknowledged");

        var seen = recipient(api.get("/api/v1/alerts/" + id, watch).json(), "aze.officer");
        assertThat(seen.get("status").asString()).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void aWatchOfficerRaisesAnAlertFromTheFormAndSeesEachRecipientsStatus() {
        signIn("cmc.watch");
        browser.findElement(By.linkText("Alerts")).click();
        browser.findElement(By.id("new-alert")).click();
        String text = "Tanker aground off Turkmenbashi, " + System.nanoTime();
        browser.findElement(By.id("text")).sendKeys(text);
        Browser.pickUser(browser, "users", "uzb.off", "uzb.officer");
        Browser.pickUser(browser, "users", "kaz.off", "kaz.officer");
        new Select(browser.findElement(By.id("precedence"))).selectByValue("IMMEDIATE");
        new Select(browser.findElement(By.id("classification"))).selectByValue("RESTRICTED");
        // Durations are picked as people say them ("30 days"); the form posts ISO 8601 (P30D), which is too long.
        browser.findElement(By.id("ackWithin")).sendKeys("30");
        new Select(browser.findElement(By.id("ackWithin-unit"))).selectByValue("D");
        browser.findElement(By.id("raise")).click();

        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("ackWithin");
        assertThat(browser.findElement(By.id("text")).getDomProperty("value")).isEqualTo(text);
        assertThat(browser.findElement(By.id("ackWithin")).getDomProperty("value")).as("kept after the error")
                .isEqualTo("30");
        // The people picked are kept as chips, by name, not as typed user names.
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> Browser.pickedUsers(d, "users")
                .equals(java.util.List.of("uzb.officer", "kaz.officer")));
        browser.findElement(By.id("ackWithin")).clear();
        browser.findElement(By.id("ackWithin")).sendKeys("30");
        new Select(browser.findElement(By.id("ackWithin-unit"))).selectByValue("M");
        browser.findElement(By.id("raise")).click();

        assertThat(browser.findElement(By.id("alert-text")).getText()).isEqualTo(text);
        assertThat(browser.findElement(By.id("alert-marking")).getText()).isEqualTo("RESTRICTED // REL TO MEMBERS");
        assertThat(browser.findElement(By.id("classification-banner")).getText())
                .isEqualTo("RESTRICTED // REL TO MEMBERS");
        assertThat(browser.findElement(By.id("recipient-uzb.officer")).getText()).contains("Pending")
                .containsPattern("\\d{6}Z[A-Z]{3}\\d{2}");
        assertThat(browser.findElement(By.id("recipient-kaz.officer")).getText()).contains("Pending");
        assertThat(browser.findElement(By.id("alert-ack-within")).getText()).isEqualTo("30 min");
        Browser.screenshot(browser, "alerts-raised-by-the-watch");
    }

    private void signIn(String username) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
    }
}
