package org.kalkan.incident;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import java.time.Duration;
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
 * Pick, never paste: a watch officer merges two incidents by picking the second on the map in the incident page's
 * merge form. Nobody types or sees an id; the chosen incident shows by its reference and title.
 */
@KalkanTest
class IncidentMergeBrowserTests {

    @LocalServerPort int port;
    private ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aWatchOfficerMergesAnIncidentPickedOnTheMap() {
        ApiClient api = new ApiClient(port);
        String officer = api.token("aze.officer", "kalkan-demo");
        // Two incidents 270 km apart in western Kazakhstan, a spot no other test class files at (the shared node's
        // map is crowded elsewhere): too far to correlate by themselves. The picker frames the page's incident with
        // its nearest candidates and spreads overlapping symbols, so the one to pick can be clicked however crowded.
        JsonNode first = api.post("/api/v1/reports", officer, titled("Shots at Beyneu " + System.nanoTime(),
                IncidentFixtures.report("BORDER_INCIDENT", 45.32, 55.20, "RESTRICTED", "MEMBERS"))).json();
        JsonNode second = api.post("/api/v1/reports", officer, titled("Drone over Shetpe " + System.nanoTime(),
                IncidentFixtures.report("BORDER_INCIDENT", 44.16, 52.12, "RESTRICTED", "MEMBERS"))).json();
        String target = first.get("incidentId").asString();
        String picked = second.get("incidentId").asString();
        assertThat(picked).isNotEqualTo(target);
        String watch = api.token("cmc.watch", "kalkan-demo");
        String pickedRef = api.get("/api/v1/incidents/" + picked, watch).json().get("incident").get("ref").asString();
        assertThat(pickedRef).matches("INC-\\d{4}-\\d{4,}");

        browser = Browser.signedIn(port, "cmc.watch");
        browser.get("http://localhost:" + port + "/incidents/" + target);
        WebDriverWait wait = Browser.await(browser, Duration.ofSeconds(20));
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(target).doesNotContain(picked);

        browser.findElement(By.cssSelector("#merge-form .picker-map-button")).click();
        wait.until(d -> "true".equals(d.findElement(By.cssSelector("dialog.map-dialog")).getDomAttribute("data-ready")));
        By symbol = By.cssSelector("dialog.map-dialog img[data-incident-id='" + picked + "']");
        wait.until(d -> d.findElement(symbol).isDisplayed());
        browser.findElement(symbol).click();
        wait.until(d -> d.findElement(By.cssSelector("dialog.map-dialog .pick-incident")).isDisplayed());
        Browser.screenshot(browser, "merge-pick-on-map");
        browser.findElement(By.cssSelector("dialog.map-dialog .pick-incident")).click();
        browser.findElement(By.cssSelector("dialog.map-dialog .picker-done")).click();

        wait.until(d -> d.findElements(By.cssSelector("dialog.map-dialog")).isEmpty());
        String chip = browser.findElement(By.cssSelector("#merge-form .chip")).getText();
        assertThat(chip).contains(pickedRef).contains("Drone over Shetpe").doesNotContain(picked);
        browser.findElement(By.id("merge-submit")).click();

        wait.until(d -> api.get("/api/v1/incidents/" + target, watch).json().get("incident").get("reportCount").asInt() == 2);
        assertThat(browser.findElement(By.id("incident-ref")).getText())
                .isEqualTo(api.get("/api/v1/incidents/" + target, watch).json().get("incident").get("ref").asString());
        Browser.screenshot(browser, "merge-done");

        // The history says what happened, naming the other incident by its reference; the merged-away one points on.
        String targetRef = browser.findElement(By.id("incident-ref")).getText();
        browser.findElement(By.cssSelector("#incident-history summary")).click();
        assertThat(browser.findElement(By.id("incident-history")).getText())
                .contains("opened it with the first report", "merged into it " + pickedRef);
        browser.get("http://localhost:" + port + "/incidents/" + picked);
        assertThat(browser.findElement(By.id("merged-into")).getText()).contains(targetRef, "Shots at Beyneu");
        browser.findElement(By.cssSelector("#incident-history summary")).click();
        assertThat(browser.findElement(By.id("incident-history")).getText()).contains("merged it into " + targetRef);
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(target).doesNotContain(picked);
        Browser.screenshot(browser, "merged-away-points-on");
        browser.findElement(By.cssSelector("#merged-into a")).click();
        wait.until(d -> d.findElement(By.id("incident-ref")).getText().equals(targetRef));
    }

    private static Map<String, Object> titled(String title, Map<String, Object> report) {
        report.put("title", title);
        return report;
    }
}
