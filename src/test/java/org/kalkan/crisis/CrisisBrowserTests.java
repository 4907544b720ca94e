package org.kalkan.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.crisis.CrisisFixtures.PASSWORD;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.Browser;
import org.kalkan.KalkanTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A crisis manager opens a crisis in a real browser and works in the crisis room. */
@KalkanTest
class CrisisBrowserTests {

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
    void theDirectorOpensACrisisFromAnIncidentAndWritesInItsLog() {
        String incident = CrisisFixtures.incidentNearBaku(new ApiClient(port));
        signIn("cmc.director");
        assertThat(browser.findElement(By.id("alert-levels")).getText()).contains("Caspian", "Fergana Valley");
        Browser.screenshot(browser, "crisis-overview-alert-levels");

        browser.findElement(By.linkText("Crises")).click();
        browser.findElement(By.id("title")).sendKeys("Sabotage on the BTC pipeline");
        new Select(browser.findElement(By.id("open-classification"))).selectByValue("CONFIDENTIAL");
        browser.findElement(By.id("open-releasable")).clear();
        browser.findElement(By.id("open-releasable")).sendKeys("AZE, KAZ, TUR");
        browser.findElement(By.id("incidentIds")).sendKeys(incident);
        browser.findElement(By.id("teamNations")).sendKeys("TUR");
        Browser.screenshot(browser, "crisis-open-form");
        browser.findElement(By.id("open-submit")).click();

        assertThat(browser.findElement(By.id("crisis-title")).getText()).isEqualTo("Sabotage on the BTC pipeline");
        assertThat(browser.findElement(By.id("classification-banner")).getText())
                .startsWith("CONFIDENTIAL // REL TO ");
        assertThat(browser.findElement(By.id("log-entries")).getText()).contains("Crisis opened", "Incident attached");
        assertThat(browser.findElement(By.id("incidents")).getText()).contains("Attack on critical infrastructure");

        // The log form posts through htmx and only the log is swapped; Enter submits.
        browser.findElement(By.id("log-text")).sendKeys("Pressure drop reported at Sangachal terminal", Keys.ENTER);
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("log-entries")).getText()
                .contains("Pressure drop reported at Sangachal terminal"));
        assertThat(browser.findElement(By.id("log-entries")).getText()).matches("(?s).*\\d{6}Z[A-Z]{3}\\d{2}.*");
        browser.findElement(By.id("schedule-every")).sendKeys("PT12H", Keys.ENTER);
        // The form reloads the room: wait for the new page instead of reading the old one.
        Browser.await(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("phase")).getText().contains("PT12H"));
        assertThat(browser.findElement(By.id("phase")).getText()).contains("PT12H", "next");
        browser.findElement(By.id("sitrep-prepare")).click();
        Browser.await(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.id("sitrep-1")).isEmpty()
                        && d.findElement(By.id("sitrep-1")).getText().contains("SITREP 1"));
        Browser.screenshot(browser, "crisis-room-sitrep");
        browser.executeScript("document.getElementById('incidents').scrollIntoView()");
        assertThat(browser.findElements(By.cssSelector("#incidents circle.minimap-point"))).hasSize(1);
        Browser.screenshot(browser, "crisis-room-incidents");
        browser.executeScript("window.scrollTo(0, 0)");
        Browser.screenshot(browser, "crisis-room");

        browser.get("http://localhost:" + port + "/alert-levels");
        assertThat(browser.findElement(By.id("alert-levels")).getText()).contains("AZE", "South Caucasus");
        Browser.screenshot(browser, "crisis-alert-levels");
    }

    @Test
    void anAddressedNationAnswersAnRfiInTheCrisisRoom() {
        ApiClient api = new ApiClient(port);
        String director = api.token("cmc.director", PASSWORD);
        String id = CrisisFixtures.openCrisis(api, director, "Caspian shipping");
        api.post("/api/v1/crises/" + id + "/rfis", director, CrisisFixtures.rfi("Any unusual activity at Aktau port?",
                java.time.Instant.now().plus(Duration.ofHours(6)), "KAZ"));
        signIn("kaz.officer");
        browser.get("http://localhost:" + port + "/crises/" + id);
        assertThat(browser.findElement(By.id("rfis")).getText()).contains("Any unusual activity at Aktau port?");
        browser.findElement(By.cssSelector(".answer-form textarea")).sendKeys("Two unflagged vessels off Aktau.");
        browser.findElement(By.cssSelector(".answer-form button")).click();
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("rfis")).getText()
                .contains("kaz.officer (KAZ)"));
        assertThat(browser.findElement(By.id("rfis")).getText()).contains("Two unflagged vessels off Aktau.",
                "kaz.officer (KAZ)");
        assertThat(Browser.findNow(browser, By.id("sitrep-prepare"))).isEmpty();
        Browser.screenshot(browser, "crisis-rfi-answered");
    }

    @Test
    void someoneOutsideTheTeamDoesNotSeeTheCrisis() {
        ApiClient api = new ApiClient(port);
        String id = CrisisFixtures.openCrisis(api, api.token("cmc.director", PASSWORD), "Closed circle");
        signIn("uzb.officer");
        browser.get("http://localhost:" + port + "/crises");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Closed circle");
        browser.get("http://localhost:" + port + "/crises/" + id);
        assertThat(browser.getPageSource()).doesNotContain("Closed circle");
    }

    private void signIn(String username) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
    }
}
