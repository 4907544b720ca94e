package org.kalkan.interop.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.Browser;
import org.kalkan.KalkanTest;
import org.kalkan.TestClock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The incoming-messages page: accepted and refused messages, signature status, areas on a mini map. */
@KalkanTest
class CapBrowserTests {

    @LocalServerPort int port;
    @Autowired TestClock clock;

    private ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAzeWatchOfficerSeesAcceptedAndRefusedMessagesWithTheirAreasAndEveryViolation() {
        ApiClient api = new ApiClient(port);
        String cap = api.token("aze.cap", "kalkan-demo");
        String sent = CapFixtures.sent(clock, 3);
        String identifier = CapFixtures.identifier("AZ-EQ-UI");
        var accepted = api.postBytes("/api/v1/cap/alerts", cap, "application/cap+xml",
                CapFixtures.utf8(CapFixtures.earthquake(identifier, sent, "Alert", "", CapFixtures.SHAMAKHI)));
        assertThat(accepted.status()).isEqualTo(201);
        String messageId = accepted.json().get("alerts").get(0).get("messageId").asString();
        var refused = api.postBytes("/api/v1/cap/alerts", cap, "application/cap+xml", CapFixtures.utf8(
                CapFixtures.earthquake("AZ EQ", "2026-11-25T04:00:00Z", "Update", "", CapFixtures.SHAMAKHI)));
        assertThat(refused.status()).isEqualTo(400);

        browser = Browser.signedIn(port, "cmc.director"); // AZE: also sees AZE's refusals (labelled RESTRICTED // REL TO AZE)
        browser.get("http://localhost:" + port + "/cap-messages");
        assertThat(browser.findElements(By.cssSelector("nav a[href='/cap-messages']"))).isNotEmpty();
        WebElement card = browser.findElement(By.cssSelector("[data-message-id='" + messageId + "']"));
        assertThat(card.getText()).contains("M6.1 earthquake near Shamakhi").contains("Accepted")
                .contains("New reports").contains("Not signed").contains(identifier)
                .contains("UNCLASSIFIED // REL TO ALL");
        Browser.await(browser, Duration.ofSeconds(15)).until(d -> "true".equals(
                card.findElement(By.cssSelector(".cap-minimap")).getDomAttribute("data-drawn")));
        assertThat(card.findElements(By.cssSelector(".cap-minimap path.leaflet-interactive"))).isNotEmpty();

        WebElement refusal = browser.findElements(By.cssSelector(".cap-refused")).get(0);
        assertThat(refusal.getText()).contains("Refused: 3 violation(s)").contains("/alert/identifier")
                .contains("/alert/sent").contains("must reference");
        Browser.screenshot(browser, "cap-messages");

        card.findElement(By.cssSelector("h2 a")).click();
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith(messageId));
        assertThat(browser.findElement(By.cssSelector(".cap-document")).getText()).contains("<identifier>"
                + identifier + "</identifier>");
        Browser.screenshot(browser, "cap-message");
    }

    @Test
    void aWarningsReportIsOnTheMapWithItsPolygon() {
        ApiClient api = new ApiClient(port);
        String sent = CapFixtures.sent(clock, 2);
        var accepted = api.postBytes("/api/v1/cap/alerts", api.token("aze.cap", "kalkan-demo"), "application/cap+xml",
                CapFixtures.utf8(CapFixtures.earthquake(CapFixtures.identifier("AZ-EQ-MAP"), sent, "Alert", "",
                        CapFixtures.SHAMAKHI)));
        assertThat(accepted.status()).isEqualTo(201);

        browser = Browser.signedIn(port, "kaz.officer"); // UNCLASSIFIED // REL TO ALL: every nation sees it
        browser.get("http://localhost:" + port + "/map");
        Browser.await(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(
                By.cssSelector("path.report-area")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".incident-symbol"))).isNotEmpty();
        browser.executeScript("document.querySelector('#incident-list button') && "
                + "Array.from(document.querySelectorAll('#incident-list button'))"
                + ".find(b => b.textContent.includes('Shamakhi')).click()");
        Browser.screenshot(browser, "cap-on-map");
        browser.executeScript("document.querySelector('.leaflet-popup-close-button').click();"
                + "document.querySelector('.leaflet-control-zoom-in').click();");
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(
                By.cssSelector("path.report-area")).isEmpty());
        Browser.screenshot(browser, "cap-on-map-zoomed");
    }

    @Test
    void aCouncilDelegateHasNoCapPage() {
        browser = Browser.signedIn(port, "kaz.delegate");
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.findElements(By.cssSelector("nav a[href='/cap-messages']"))).isEmpty();
        browser.get("http://localhost:" + port + "/cap-messages");
        assertThat(browser.getPageSource()).doesNotContain("cap-message");
    }
}
