package org.kalkan.force;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.force.ForceFixtures.PASSWORD;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.Browser;
import org.kalkan.KalkanTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The force pages in a real browser: registry, requirement board, a nation's answer, the plan and its submission. */
@KalkanTest
class ForceBrowserTests {

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
    void aPlannerReviewsTheBoardAndSubmitsThePlanWhileANationAnswersItsRequests() {
        ApiClient api = new ApiClient(port);
        String crisis = ForceFixtures.crisis(api, "Caspian coast earthquake");
        String planner = api.token("force.planner", PASSWORD);
        String aze = api.token("aze.officer", PASSWORD);
        Instant neededBy = Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.HOURS);
        String medics = ForceFixtures.requirement(api, planner, crisis, "MEDICAL", 1, 40.41, 49.87, "AZE", neededBy);
        String engineers = ForceFixtures.requirement(api, planner, crisis, "ENGINEER", 1, 39.93, 32.86, "TUR",
                neededBy);
        for (String requirement : List.of(medics, engineers)) {
            api.post("/api/v1/forces/requirements/" + requirement + "/requests", planner,
                    Map.of("nations", List.of("AZE")));
        }
        String unit = ForceFixtures.unit(api, aze, "AZE Field Hospital (home only)", List.of("MEDICAL", "ENGINEER"),
                40.41, 49.87, true);

        signIn("aze.officer");
        browser.get(base() + "/forces/requests");
        assertThat(browser.findElement(By.id("request-" + medics)).getAttribute("data-status")).isEqualTo("REQUESTED");
        new Select(browser.findElement(By.id("offer-unit-" + medics)))
                .selectByValue(unit);
        browser.findElement(By.id("offer-submit-" + medics)).click();
        Browser.await(browser, Duration.ofSeconds(5)).until(d -> "OFFERED".equals(
                d.findElement(By.id("request-" + medics)).getAttribute("data-status")));
        browser.findElement(By.id("decline-reason-" + engineers))
                .sendKeys("Our engineers stay at home this month.", Keys.ENTER);
        Browser.await(browser, Duration.ofSeconds(5)).until(d -> "DECLINED".equals(
                d.findElement(By.id("request-" + engineers)).getAttribute("data-status")));
        Browser.screenshot(browser, "force-requests");

        browser.get(base() + "/forces/units/" + unit + "?to=40.68,46.36");
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> "true".equals(
                d.findElement(By.id("unit-map")).getAttribute("data-drawn")));
        assertThat(browser.findElements(By.cssSelector("#movement-legs tbody tr"))).hasSizeGreaterThan(1);
        assertThat(browser.findElements(By.cssSelector("#unit-map path.leaflet-interactive"))).isNotEmpty();
        browser.executeScript("document.getElementById('movement').scrollIntoView({block: 'start'})");
        Browser.screenshot(browser, "force-unit-movement");
        signOut();

        signIn("force.planner");
        browser.findElement(By.linkText("Forces")).click();
        assertThat(browser.findElement(By.id("readiness-legend")).getText()).contains("24 h").contains("72 h");
        assertThat(browser.findElement(By.cssSelector("#unit-table tr[data-unit-id='" + unit + "']"))
                .getAttribute("data-readiness")).isEqualTo("green");
        Browser.screenshot(browser, "force-registry");

        browser.get(base() + "/forces/crises/" + crisis);
        assertThat(browser.findElement(By.cssSelector("#requirement-" + medics + " li[data-nation=AZE]")).getText())
                .contains("offered");
        assertThat(browser.findElement(By.cssSelector("#requirement-" + engineers + " li[data-nation=AZE]"))
                .getText()).contains("declined").contains("stay at home");
        browser.findElement(By.id("compute-plan")).click();
        Browser.await(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/forces/plans/"));
        assertThat(browser.findElement(By.cssSelector("#assignments tr[data-unit-id='" + unit + "']")).getText())
                .contains("AZE Field Hospital");
        // Planner language: what is needed as people say it, how it went, no solver terms and no ids.
        assertThat(browser.findElement(By.id("gap-table")).getText()).contains("Engineer").doesNotContain("ENGINEER");
        assertThat(browser.findElement(By.id("plan-optimal")).getText()).isEqualTo("optimal: no better plan exists");
        assertThat(browser.findElement(By.id("plan-summary")).getText()).endsWith("missing");
        assertThat(browser.findElement(By.id("plan-title")).getText()).startsWith("Sourcing plan for CRI-");
        assertThat(browser.findElement(By.cssSelector("#assignments tr[data-unit-id='" + unit + "']")).getText())
                .containsPattern("arrives \\d+ h before it is needed|h late");
        String planText = browser.findElement(By.tagName("main")).getText();
        assertThat(planText).doesNotContain("Objective").doesNotContain("bound").doesNotContain(crisis)
                .doesNotContain(browser.getCurrentUrl().replaceAll(".*/forces/plans/", "").substring(0, 8));
        Browser.screenshot(browser, "force-plan");
        browser.findElement(By.id("submit-plan")).click();
        // Submitting to the Council cannot be undone: the page asks first.
        Browser.await(browser, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        Browser.await(browser, Duration.ofSeconds(5)).until(d -> d.findElement(By.id("plan-status")).getText()
                .equals("submitted to the Council"));
        browser.get(base() + "/forces/crises/" + crisis);
        assertThat(browser.findElement(By.id("requirement-" + medics)).getAttribute("data-state")).isEqualTo("filled");
        assertThat(browser.findElement(By.id("requirement-" + engineers)).getAttribute("data-state")).isEqualTo("gap");
        Browser.screenshot(browser, "force-board");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void signIn(String username) {
        browser.get(base() + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        Browser.await(browser, Duration.ofSeconds(5)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void signOut() {
        browser.manage().deleteAllCookies();
    }
}
