package org.kalkan.seams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.seams.SeamActors.label;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.Browser;
import org.kalkan.KalkanTest;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12 part A on the pages, in a real browser: the chair's draft form says a decision binds every member and
 * refuses a label a member cannot read; EXCON of another nation sees a SECRET // REL TO KGZ inject withheld.
 */
@KalkanTest
class BindingPagesBrowserTests {

    @LocalServerPort int port;
    private ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theChairsDraftFormRefusesADecisionAMemberCannotRead() {
        browser = Browser.signedIn(port, "council.chair");
        browser.get("http://localhost:" + port + "/council");
        assertThat(browser.findElement(By.id("draft-binding")).getText()).contains("every member state");
        assertThat(browser.findElement(By.cssSelector("label[for=draft-urgency]")).getText()).contains("PT15S");
        browser.findElement(By.id("draft-title")).sendKeys("Bilateral statement");
        browser.findElement(By.id("draft-text")).sendKeys("Only for Kazakhstan and Türkiye.");
        // Releasability as chips: MEMBERS off, KAZ and TUR on.
        browser.executeScript("arguments[0].click();", browser.findElement(By.id("draft-releasable-MEMBERS")));
        browser.executeScript("arguments[0].click();", browser.findElement(By.id("draft-releasable-KAZ")));
        browser.executeScript("arguments[0].click();", browser.findElement(By.id("draft-releasable-TUR")));
        browser.findElement(By.id("draft-submit")).click();
        Browser.await(browser, java.time.Duration.ofSeconds(10)).until(d -> d.findElement(By.id("council-error"))
                .getText().contains("not releasable to member state AZE"));
        Browser.screenshot(browser, "council-binding-refused");
    }

    @Test
    void exconOfAnotherNationSeesAnInjectAboveItsLabelWithheld() {
        SeamActors actors = new SeamActors(port);
        ApiClient api = actors.api();
        String director = actors.token("exercise.director");
        var planned = api.post("/api/v1/exercises", director, Map.of("name", "SEAM PAGE " + UUID.randomUUID(),
                "trainingAudience", List.of("KGZ"), "exconUsers", List.of("cmc.watch"),
                "objectives", List.of("Alerting"), "label", label("RESTRICTED", "MEMBERS")));
        String exercise = planned.json().get("id").asString();
        api.post("/api/v1/exercises/" + exercise + "/injects", director, Map.of("number", 1, "at", "PT1M",
                "kind", "ALERT", "from", "KGZ border guard", "to", List.of("KGZ"), "expectedAction", "NONE",
                "content", Map.of("text", "KGZ-ONLY route", "label", label("SECRET", "KGZ"))));
        api.post("/api/v1/exercises/" + exercise + "/injects", director, Map.of("number", 2, "at", "PT2M",
                "kind", "ALERT", "from", "CMC", "to", List.of("KGZ"), "expectedAction", "NONE",
                "content", Map.of("text", "Routine check-in")));

        browser = Browser.signedIn(port, "cmc.watch");
        browser.get("http://localhost:" + port + "/exercises/" + exercise);
        assertThat(browser.findElement(By.id("withheld-1")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("inject-1")).getText()).contains("SECRET // REL TO KGZ")
                .doesNotContain("KGZ border guard");
        assertThat(Browser.findNow(browser, By.id("withheld-2"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("KGZ-ONLY");
        browser.executeScript("document.getElementById('msel').scrollIntoView({block: 'start'})");
        Browser.screenshot(browser, "exercise-msel-withheld");
    }
}
