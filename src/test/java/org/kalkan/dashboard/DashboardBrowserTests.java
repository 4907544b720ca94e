package org.kalkan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.Browser;
import org.kalkan.KalkanTest;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The home page is a dashboard that updates itself: a FLASH alert to the user appears in its alerts panel without a
 * reload, the navigation's badge and the tab's title count it, and it sounds a cue that the user can switch off.
 */
@KalkanTest
class DashboardBrowserTests {

    @LocalServerPort int port;
    private ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDashboardShowsAFlashAlertLiveWithTheBadgeTheTitleAndTheCue() {
        // Other classes sharing the node may have left kgz.officer alerts sent at a later test-clock time, which the
        // panel would list above the new one: the officer acknowledges them first, as a watch would.
        ApiClient officer = new ApiClient(port);
        String kgz = officer.token("kgz.officer", "kalkan-demo");
        for (var item : officer.get("/api/v1/alerts?limit=500", kgz).json()) {
            if (item.path("acknowledgedAt").isNull() || item.path("acknowledgedAt").isMissingNode()) {
                officer.post("/api/v1/alerts/" + item.get("id").asString() + "/ack", kgz, java.util.Map.of());
            }
        }
        browser = Browser.signedIn(port, "kgz.officer");
        browser.get("http://localhost:" + port + "/");
        WebDriverWait wait = Browser.await(browser, Duration.ofSeconds(20));
        wait.until(d -> "true".equals(d.findElement(By.id("dashboard")).getDomAttribute("data-live")));
        By badge = By.cssSelector(".shell-nav a[href='/alerts']");
        wait.until(d -> "true".equals(d.findElement(badge).getDomAttribute("data-live")));
        browser.executeScript("window.kalkanSamePage = true; localStorage.removeItem('kalkan.flashSound');");
        int before = Integer.parseInt(browser.findElement(badge).getDomAttribute("data-badge"));
        assertThat(browser.findElement(By.id("flash-sound")).getDomAttribute("aria-pressed")).isEqualTo("true");

        ApiClient api = new ApiClient(port);
        String watch = api.token("cmc.watch", "kalkan-demo");
        String text = "Armed group at the Dostuk crossing " + System.nanoTime();
        raiseFlash(api, watch, text);

        // Read in the wait: the panel may be fetched again and replaced between a find and a read (a stale element).
        String row = wait.until(d -> {
            String panel = d.findElement(By.id("panel-alerts")).getText();
            return panel.contains(text) ? panel : null;
        });
        assertThat(browser.executeScript("return window.kalkanSamePage === true;")).as("no reload").isEqualTo(true);
        assertThat(row).contains("Flash").contains("RESTRICTED // REL TO KGZ, TUR");
        wait.until(d -> Integer.parseInt(d.findElement(badge).getDomAttribute("data-badge")) == before + 1);
        assertThat(browser.getTitle()).startsWith("(" + (before + 1) + ") ");
        assertThat(browser.findElement(By.id("classification-banner")).getText()).isNotEqualTo("UNCLASSIFIED");
        wait.until(d -> "1".equals(d.findElement(By.tagName("body")).getDomAttribute("data-flash-cues")));
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-flash-cue-sounded")).isEqualTo("1");
        Browser.screenshot(browser, "dashboard-flash");

        // Switched off, the next FLASH still counts and shows, but sounds nothing.
        browser.findElement(By.id("flash-sound")).click();
        assertThat(browser.findElement(By.id("flash-sound")).getDomAttribute("aria-pressed")).isEqualTo("false");
        String second = "Second warning at Dostuk " + System.nanoTime();
        raiseFlash(api, watch, second);
        wait.until(d -> d.findElement(By.id("panel-alerts")).getText().contains(second));
        wait.until(d -> "2".equals(d.findElement(By.tagName("body")).getDomAttribute("data-flash-cues")));
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-flash-cue-sounded")).isEqualTo("1");
        assertThat(browser.getTitle()).startsWith("(" + (before + 2) + ") ");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContainPattern(
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    private static void raiseFlash(ApiClient api, String token, String text) {
        var created = api.post("/api/v1/alerts", token, Map.of("text", text,
                "recipients", Map.of("users", List.of("kgz.officer")), "precedence", "FLASH",
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("KGZ", "TUR"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
}
