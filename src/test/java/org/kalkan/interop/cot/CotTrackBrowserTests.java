package org.kalkan.interop.cot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.Browser;
import org.kalkan.KalkanTest;
import org.kalkan.TestClock;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The done-when of the COP integration: a TUR-only track sent by a TAK client appears on tur.officer's open map
 * with its symbol, never on kaz.officer's, and disappears when it goes stale (on the node's clock).
 */
@KalkanTest
class CotTrackBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    CotServer server;

    private final List<ChromeDriver> browsers = new ArrayList<>();

    @Autowired
    TestClock clock;

    @AfterEach
    void close() {
        browsers.forEach(ChromeDriver::quit);
        clock.reset();
    }

    @Test
    void aTurOnlyTrackAppearsOnTheTurMapOnlyAndGoesWhenStale() throws Exception {
        ChromeDriver tur = signedIn("tur.officer");
        ChromeDriver kaz = signedIn("kaz.officer");
        for (ChromeDriver map : List.of(tur, kaz)) {
            map.get("http://localhost:" + port + "/map");
            Browser.await(map, Duration.ofSeconds(15)).until(d -> "true".equals(
                    d.findElement(By.tagName("body")).getDomAttribute("data-stream-ready")));
        }
        String uid = "tur-patrol-" + System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String event = CotFixtures.labelled(uid, "RESTRICTED", "TUR")
                .replaceFirst("stale=\"[^\"]+\"", "stale=\"" + now.plusSeconds(60) + "\"");
        By symbol = By.cssSelector("img[data-track-uid='" + uid + "']");
        try (var device = CotTestClient.tcp(server.tcpPort())) { // the lab port acts as tur.officer
            long sent = System.nanoTime();
            device.send(event);
            Browser.await(tur, Duration.ofSeconds(5)).until(d -> !d.findElements(symbol).isEmpty());
            System.out.printf("TAK track shown on TUR's map %d ms after it was sent%n",
                    (System.nanoTime() - sent) / 1_000_000);
            Browser.screenshot(tur, "map-tur-track");

            // The device's next track, for every member: once KAZ's map shows it, the first would have been there.
            String marker = "tur-marker-" + System.nanoTime();
            device.send(CotFixtures.labelled(marker, "RESTRICTED", "MEMBERS"));
            Browser.await(kaz, Duration.ofSeconds(5)).until(d -> !d.findElements(
                    By.cssSelector("img[data-track-uid='" + marker + "']")).isEmpty());
            assertThat(Browser.findNow(kaz, symbol)).isEmpty();
            assertThat(kaz.getPageSource()).doesNotContain(uid);

            // The track goes stale on the node's clock (a minute after it was sent), and leaves TUR's map.
            clock.advance(Duration.ofSeconds(61));
            Browser.await(tur, Duration.ofSeconds(15)).until(d -> Browser.absent(d, symbol));
        }
    }

    @Test
    void anAdministratorListsAndRevokesTakCertificates() {
        TakIdentity identity = TakIdentity.enrol(new org.kalkan.ApiClient(port), "force.planner");
        ChromeDriver admin = signedIn("admin");
        admin.get("http://localhost:" + port + "/admin/certificates");
        By row = By.cssSelector("tr[data-serial='" + identity.serial() + "']");
        assertThat(admin.findElement(row).getText()).contains("force.planner").contains("valid");
        admin.findElement(row).findElement(By.cssSelector("button[type=submit]")).click();
        Browser.await(admin, Duration.ofSeconds(10)).until(d -> d.findElement(row).getText().contains("admin"));
        assertThat(Browser.findNow(admin, admin.findElement(row), By.cssSelector("button"))).isEmpty();
        Browser.screenshot(admin, "admin-certificates");
    }

    private ChromeDriver signedIn(String username) {
        ChromeDriver browser = Browser.signedIn(port, username);
        browsers.add(browser);
        return browser;
    }
}
