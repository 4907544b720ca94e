package org.kalkan.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.Browser;
import org.kalkan.ExerciseFixtures;
import org.kalkan.KalkanTest;
import org.kalkan.incident.IncidentFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A player sees at a glance that they work in an exercise: the banner on every page, the context on every link. */
@KalkanTest
class ExerciseBannerBrowserTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
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
    void everyPageOfAnExerciseCarriesTheExerciseBannerAndKeepsTheContext() {
        String name = "STEPPE SHIELD " + (System.nanoTime() % 10_000);
        UUID exercise = ExerciseFixtures.steppeShield(jdbc, name);
        ApiClient api = new ApiClient(port);
        String kgz = api.token("kgz.officer", "kalkan-demo");
        String incident = api.post("/api/v1/reports?exercise=" + exercise, kgz,
                IncidentFixtures.report("BORDER_INCIDENT", 42.5, 74.0, "RESTRICTED", "MEMBERS")).json()
                .get("incidentId").asString();

        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("kgz.officer");
        browser.findElement(By.id("password")).sendKeys("kalkan-demo");
        browser.findElement(By.id("sign-in")).click();
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("user-clearance")).isEmpty());
        assertThat(Browser.findNow(browser, By.cssSelector(".exercise-banner"))).as("real world: no banner").isEmpty();

        browser.get("http://localhost:" + port + "/incidents?exercise=" + exercise);
        Browser.await(browser, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.id("exercise-banner")).isEmpty());
        var banners = browser.findElements(By.cssSelector(".exercise-banner"));
        assertThat(banners).hasSize(2).allSatisfy(banner -> assertThat(banner.getText())
                .isEqualTo("EXERCISE EXERCISE EXERCISE — " + name));
        assertThat(browser.findElement(By.id("exercise-banner")).getCssValue("background-image"))
                .contains("gradient");
        assertThat(browser.getPageSource()).contains(incident);
        Browser.screenshot(browser, "exercise-incidents");

        // Links keep the context: the incident page of the exercise opens, with its banner.
        WebElement link = browser.findElement(By.cssSelector("a[href*='" + incident + "']"));
        assertThat(link.getAttribute("href")).contains("exercise=" + exercise);
        link.click();
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains(incident));
        assertThat(browser.findElements(By.cssSelector(".exercise-banner"))).hasSize(2);

        // The map of the exercise draws its incidents with the exercise context digit.
        browser.get("http://localhost:" + port + "/map?exercise=" + exercise);
        Browser.await(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(
                By.cssSelector("img[data-incident-id='" + incident + "']")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("img[data-incident-id='" + incident + "']"))
                .getAttribute("data-sidc")).startsWith("101");
        assertThat(browser.findElements(By.cssSelector("img[data-incident-id]"))).as("exercise incidents only")
                .allSatisfy(img -> assertThat(img.getAttribute("data-sidc")).startsWith("101"));
        Browser.screenshot(browser, "exercise-map");
    }
}
