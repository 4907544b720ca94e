package org.kalkan.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.exercise.ExerciseFixtures.PASSWORD;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.Browser;
import org.kalkan.KalkanTest;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The exercise director plans and runs an exercise in a real browser; a player switches into its context. */
@KalkanTest
class ExerciseBrowserTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    private ChromeDriver browser;

    @BeforeEach
    void open() {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        ExerciseFixtures.endRunningExercises(jdbc);
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDirectorPlansImportsTheMselRunsTheClockAndTheEvaluatorObserves() {
        String name = "STEPPE SHIELD " + UUID.randomUUID().toString().substring(0, 6);
        signIn("exercise.director");
        browser.findElement(By.linkText("Exercises")).click();
        browser.findElement(By.id("name")).sendKeys(name);
        browser.executeScript("arguments[0].click();", browser.findElement(By.id("trainingAudience-KGZ")));
        browser.executeScript("arguments[0].click();", browser.findElement(By.id("trainingAudience-UZB")));
        Browser.pickUser(browser, "evaluatorUsers", "kaz.off", "kaz.officer");
        browser.findElement(By.id("objectives")).sendKeys("Report handling\nAlerting");
        browser.findElement(By.id("phases")).sendKeys("STARTEX\nCrisis response\nENDEX");
        Browser.screenshot(browser, "exercise-plan-form");
        browser.findElement(By.id("plan-submit")).click();

        Browser.await(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.tagName("h1")).getText()
                .equals(name));
        assertThat(browser.findElement(By.className("exercise-banner")).getText())
                .isEqualTo("EXERCISE EXERCISE EXERCISE — " + name);
        // Both nations picked as chips reached the plan.
        assertThat(browser.findElement(By.cssSelector(".facts")).getText()).contains("KGZ, UZB");
        browser.findElement(By.cssSelector("#msel details:nth-of-type(2) summary")).click();
        browser.findElement(By.id("csv")).sendKeys(ExerciseFixtures.CSV_HEADER
                + "1,PT1M,AT_TIME,,REPORT,KGZ border guard,KGZ,NONE,Report handling,,,"
                + ExerciseFixtures.report("Shots at Batken") + "\n"
                + "2,PT30M,AT_TIME,,ALERT,CMC watch,KGZ;UZB,ACKNOWLEDGE_ALERT,Alerting,3,PT15M,"
                + ExerciseFixtures.alert("Raise readiness") + "\n"
                + "3,PT0S,MANUAL,,MESSAGE,CMC director,UZB,NONE,Alerting,,,"
                + ExerciseFixtures.alert("Confirm your posts") + "\n"
                + "4,PT2H,AT_TIME,,TRACK,KGZ border guard,KGZ,NONE,,,,"
                + ExerciseFixtures.json("{\"callsign\":\"PATROL 7\",\"lat\":39.9,\"lon\":70.8}") + "\n"
                + "5,PT20M,AFTER_DELAY,2,MESSAGE,CMC director,UZB,NONE,Alerting,,,"
                + ExerciseFixtures.alert("Report your readiness") + "\n");
        browser.findElement(By.id("import-submit")).click();
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.id("inject-5")).size() == 1);
        assertThat(browser.findElements(By.cssSelector(".timeline .mark"))).hasSize(5);
        // Exercise time reads as a clock; an inject 20 minutes after #2 (at T+00:30) stands at T+00:50.
        assertThat(browser.findElement(By.id("inject-2")).getText()).contains("T+00:30").doesNotContain("PT30M");
        assertThat(browser.findElement(By.id("inject-5")).getText()).contains("+00:20", "#2", "(T+00:50)");
        assertThat(browser.findElements(By.cssSelector(".timeline .mark title")).stream()
                .map(t -> t.getDomProperty("textContent"))).anyMatch(t -> t.startsWith("#5 MESSAGE T+00:50"));
        assertThat(browser.findElement(By.id("exercise-time")).getText()).matches("T\\+\\d{2}:\\d{2}");
        Browser.screenshot(browser, "exercise-msel-timeline");

        browser.findElement(By.id("start-rate")).clear();
        browser.findElement(By.id("start-rate")).sendKeys("60");
        browser.findElement(By.id("clock-start")).click();
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> "RUNNING".equals(d.findElement(By.id("clock-state"))
                .getDomAttribute("data-state")));
        // the console refreshes by itself (htmx) until the first inject has gone out
        Browser.await(browser, Duration.ofSeconds(20)).until(d -> Browser.absent(d, By.id("upcoming-1")));
        browser.findElement(By.id("deliver-3")).click();
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> Browser.absent(d, By.id("upcoming-3")));
        assertThat(browser.findElement(By.id("inject-3")).getText()).contains("Delivered");
        Browser.screenshot(browser, "exercise-excon-console");

        browser.executeScript("window.scrollTo(0, 0)");
        browser.findElement(By.id("evaluation-link")).click();
        browser.findElement(By.id("o-text")).sendKeys("The KGZ watch passed the report on within minutes.");
        browser.findElement(By.id("observe-submit")).click();
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("observations")).getText()
                .contains("within minutes"));
        assertThat(browser.findElement(By.id("aar-pdf")).getAttribute("href")).endsWith("/aar.pdf");
        Browser.screenshot(browser, "exercise-evaluation");
        var makeLesson = browser.findElement(By.cssSelector("#observations li form button"));
        makeLesson.click();
        // the form posts and the page is replaced: only then has the lesson been stored
        Browser.await(browser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(makeLesson));
        browser.get("http://localhost:" + port + "/lessons");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("within minutes", "OBSERVATION");
        Browser.screenshot(browser, "exercise-lessons");
    }

    @Test
    void aPlayerSwitchesIntoTheExerciseContextAndBackToTheRealWorld() {
        var api = new org.kalkan.ApiClient(port);
        String name = "CONTEXT " + UUID.randomUUID().toString().substring(0, 6);
        String id = ExerciseFixtures.plan(api, api.token("exercise.director", PASSWORD), name);
        signIn("kgz.officer");
        browser.get("http://localhost:" + port + "/exercise-context");
        browser.findElement(By.id("context-" + id)).click();
        browser.findElement(By.id("context-submit")).click();
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("context-" + id))
                .isSelected());
        Browser.screenshot(browser, "exercise-context-switcher");
        browser.findElement(By.id("context-real")).click();
        browser.findElement(By.id("context-submit")).click();
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("context-real"))
                .isSelected());
    }

    private void signIn(String username) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
    }
}
