package org.kalkan.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.crisis.CrisisFixtures.PASSWORD;

import java.time.Duration;
import java.util.Map;
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
        ApiClient api = new ApiClient(port);
        String incident = CrisisFixtures.incidentNearBaku(api);
        String ref = api.get("/api/v1/incidents/" + incident, api.token("cmc.director", PASSWORD)).json().get("incident")
                .get("ref").asString();
        signIn("cmc.director");
        assertThat(browser.findElement(By.id("alert-levels")).getText()).contains("Caspian", "Fergana Valley");
        Browser.screenshot(browser, "crisis-overview-alert-levels");

        // Everything is picked: nations as chips, the incident by its reference, the schedule as "6 h".
        browser.get("http://localhost:" + port + "/crises");
        browser.findElement(By.id("title")).sendKeys("Sabotage on the BTC pipeline");
        new Select(browser.findElement(By.id("open-classification"))).selectByValue("CONFIDENTIAL");
        browser.findElement(By.id("open-releasable-MEMBERS")).click();
        for (String nation : new String[] {"AZE", "KAZ", "TUR"}) {
            browser.findElement(By.id("open-releasable-" + nation)).click();
        }
        browser.findElement(By.id("incidentIds-search")).sendKeys(ref);
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(
                By.cssSelector(".picker-result[data-incident-id='" + incident + "']")).isEmpty());
        browser.findElement(By.cssSelector(".picker-result[data-incident-id='" + incident + "']")).click();
        assertThat(browser.findElement(By.cssSelector(".picker-chosen")).getText()).contains(ref);
        browser.findElement(By.id("teamNations-TUR")).click();
        browser.findElement(By.id("sitrepEvery")).sendKeys("6");
        new Select(browser.findElement(By.id("sitrepEvery-unit"))).selectByValue("H");
        assertThat(browser.findElement(By.id("open")).getText()).doesNotContainPattern("PT\\d|[0-9a-f]{8}-[0-9a-f]{4}-");
        Browser.screenshot(browser, "crisis-open-form");
        browser.findElement(By.id("open-submit")).click();

        assertThat(browser.findElement(By.id("crisis-title")).getText()).isEqualTo("Sabotage on the BTC pipeline");
        assertThat(browser.findElement(By.id("classification-banner")).getText())
                .startsWith("CONFIDENTIAL // REL TO ");
        assertThat(browser.findElement(By.id("sitrep-every")).getText()).isEqualTo("6 h");
        assertThat(browser.findElement(By.id("log-entries")).getText()).contains("Crisis opened", "Incident attached");
        assertThat(browser.findElement(By.id("incidents")).getText()).contains(ref, "Attack on critical infrastructure", "severity 4");
        Map<String, Object> opened = crisisNamed(api, "Sabotage on the BTC pipeline");
        assertThat(opened.get("releasableTo").toString()).contains("AZE", "KAZ", "TUR").doesNotContain("MEMBERS");
        assertThat(opened.get("sitrepEvery")).isEqualTo("PT6H");

        // The log form posts through htmx and only the log is swapped; Enter submits.
        browser.findElement(By.id("log-text")).sendKeys("Pressure drop reported at Sangachal terminal", Keys.ENTER);
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("log-entries")).getText()
                .contains("Pressure drop reported at Sangachal terminal"));
        assertThat(browser.findElement(By.id("log-entries")).getText()).matches("(?s).*\\d{6}Z[A-Z]{3}\\d{2}.*");
        browser.findElement(By.id("schedule-every")).clear();
        browser.findElement(By.id("schedule-every")).sendKeys("12", Keys.ENTER);
        // The form reloads the room: wait for the new page instead of reading the old one.
        Browser.await(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("sitrep-every")).getText().equals("12 h"));
        assertThat(browser.findElement(By.id("phase")).getText()).contains("12 h", "next").doesNotContain("PT12H");

        // A task due at a time typed as a DTG: the page shows how it reads it, the room the task with that DTG.
        click(By.cssSelector("#tasks details summary"));
        browser.findElement(By.id("task-title")).sendKeys("Assess the terminal's fire suppression");
        new Select(browser.findElement(By.id("task-owner-kind"))).selectByValue("NATION");
        browser.findElement(By.id("task-owner")).sendKeys("TUR");
        browser.findElement(By.id("task-due")).sendKeys("2g1430ZDEC26");
        assertThat((Boolean) browser.executeScript("return document.getElementById('task-due').checkValidity()"))
                .as("not a time").isFalse();
        browser.findElement(By.id("task-due")).clear();
        browser.findElement(By.id("task-due")).sendKeys("251430ZDEC26");
        assertThat(browser.findElement(By.cssSelector("#task-form .datetime-echo")).getText())
                .isEqualTo("251430ZDEC26 · 2026-12-25 14:30 UTC");
        click(By.id("task-submit"));
        Browser.await(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("tasks")).getText().contains("Assess the terminal's fire suppression"));
        assertThat(browser.findElement(By.id("tasks")).getText()).contains("251430ZDEC26");

        click(By.id("sitrep-prepare"));
        Browser.await(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.id("sitrep-1")).isEmpty()
                        && d.findElement(By.id("sitrep-1")).getText().contains("SITREP 1"));
        assertThat(browser.findElement(By.id("sitrep-1")).getText())
                .contains("FROM", "TO", "DTG", "Period covered").doesNotContain("has changed since");
        assertThat(browser.findElement(By.id("sitrep-1-tasks")).getDomProperty("value"))
                .contains("Assess the terminal's fire suppression");
        // The crisis moves on after the draft was prepared: the draft says so, and is prepared again on request.
        browser.findElement(By.id("log-text")).sendKeys("Fire contained at Sangachal", Keys.ENTER);
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("log-entries")).getText()
                .contains("Fire contained at Sangachal"));
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("sitrep-1-stale")).getText()).contains("has changed since");
        Browser.screenshot(browser, "crisis-room-sitrep-stale");
        click(By.id("refresh-1"));
        Browser.await(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.id("sitrep-1-stale")).isEmpty()
                        && d.findElement(By.id("sitrep-1-situation")).getDomProperty("value")
                                .contains("Fire contained at Sangachal"));
        Browser.screenshot(browser, "crisis-room-sitrep");
        browser.executeScript("document.getElementById('incidents').scrollIntoView()");
        // The room's map: the crisis's incident framed and highlighted among the others.
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> d.findElements(
                By.cssSelector("#crisis-map .incident-symbol.focus")).size() == 1);
        Browser.screenshot(browser, "crisis-room-incidents");
        browser.executeScript("window.scrollTo(0, 0)");
        Browser.screenshot(browser, "crisis-room");

        browser.get("http://localhost:" + port + "/alert-levels");
        assertThat(browser.findElement(By.id("alert-levels")).getText()).contains("AZE", "South Caucasus");
        Browser.screenshot(browser, "crisis-alert-levels");
    }

    /** Clicks an element brought to the middle of the screen, clear of the sticky banner and header. */
    private void click(By by) {
        var element = browser.findElement(by);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private Map<String, Object> crisisNamed(ApiClient api, String title) {
        var crises = api.get("/api/v1/crises", api.token("cmc.director", PASSWORD)).json();
        for (var c : crises) {
            if (title.equals(c.get("title").asString())) {
                return Map.of("releasableTo", c.get("label").get("releasableTo").toString(),
                        "sitrepEvery", c.get("sitrepEvery").asString());
            }
        }
        throw new AssertionError("no crisis " + title);
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
