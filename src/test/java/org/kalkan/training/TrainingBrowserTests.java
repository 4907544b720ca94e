package org.kalkan.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.training.TrainingFixtures.PASSWORD;
import static org.kalkan.training.TrainingFixtures.label;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.Browser;
import org.kalkan.KalkanTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The training pages in a real browser, as a new user tries them: the coordinator publishes a course with a
 * language prerequisite and schedules a session with quotas; AZE's training manager nominates (one refused with
 * the reason, one waiting, moved up when a seat frees); the readiness board and the force registry show the
 * computed readiness. Screenshots in target/screenshots.
 */
@KalkanTest
class TrainingBrowserTests {

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
    void theCoordinatorPublishesAndSchedulesAndAManagerNominatesWithTheWaitingListMovingUp() {
        ApiClient api = new ApiClient(port);
        String aze = api.token("aze.officer", PASSWORD);
        String weak = TrainingFixtures.person(api, aze, "AZE", "Tural Weak-English", "SECRET", "1+1+11", null,
                label("RESTRICTED", "AZE"));
        String first = TrainingFixtures.person(api, aze, "AZE", "Aysel First", "SECRET", "3232", null,
                label("RESTRICTED", "AZE"));
        String second = TrainingFixtures.person(api, aze, "AZE", "Orkhan Second", "SECRET", "3232", null,
                label("RESTRICTED", "AZE"));
        String code = TrainingFixtures.code("EOD");

        signIn("training.coordinator");
        browser.get(base() + "/training");
        browser.findElement(By.id("course-code")).sendKeys(code);
        browser.findElement(By.id("course-title")).sendKeys("Improvised explosive device disposal");
        browser.findElement(By.id("course-objectives")).sendKeys("Render safe a victim-operated IED\n"
                + "Conduct a post-blast investigation");
        browser.findElement(By.id("course-profile")).sendKeys("2222");
        browser.findElement(By.id("course-grants")).sendKeys(code);
        // "Valid for" is picked as people say it (18 months); the form posts ISO 8601 (P18M), shown as people say it.
        browser.findElement(By.id("course-valid")).clear();
        browser.findElement(By.id("course-valid")).sendKeys("18");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("course-valid-unit"))).selectByValue("M");
        browser.findElement(By.id("publish-submit")).click();
        Browser.await(browser, Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector(
                "#course-table tr[data-code='" + code + "']")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#course-table tr[data-code='" + code + "']")).getText())
                .contains("1 year 6 months").doesNotContain("P18M").doesNotContain("P1Y6M");
        Browser.screenshot(browser, "training-catalogue");

        browser.get(base() + "/training/courses/" + code);
        browser.findElement(By.id("session-start")).clear();
        browser.executeScript("document.getElementById('session-start').value='2027-04-01';"
                + "document.getElementById('session-end').value='2027-04-10';"
                + "document.getElementById('session-deadline').value='2027-03-15';");
        browser.findElement(By.id("session-place")).sendKeys("Ankara");
        browser.findElement(By.id("session-seats")).clear();
        browser.findElement(By.id("session-seats")).sendKeys("3");
        browser.findElement(By.id("session-quotas")).sendKeys("AZE=1, TUR=1");
        browser.findElement(By.id("schedule-submit")).click();
        WebElement session = Browser.await(browser, Duration.ofSeconds(5)).until(d ->
                d.findElements(By.cssSelector("#sessions a")).stream().findFirst().orElse(null));
        assertThat(browser.findElement(By.id("objectives")).getText()).contains(code + ".1");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("valid for 1 year 6 months")
                .contains("grace period 3 months").doesNotContain("P3M");
        Browser.screenshot(browser, "training-course");
        String sessionUrl = session.getAttribute("href");
        signOut();

        signIn("aze.officer");
        browser.get(sessionUrl);
        nominate(weak);
        assertThat(browser.findElement(By.cssSelector("#nominate .error")).getText())
                .contains("prerequisite(s)").contains("not met");
        nominate(first);
        assertThat(browser.findElement(By.cssSelector("#nominate .info")).getText()).isNotBlank();
        nominate(second);
        assertThat(browser.findElements(By.cssSelector("#waiting-table tbody tr"))).hasSize(1);
        assertThat(browser.findElement(By.id("waiting-table")).getText()).contains("Orkhan Second");
        Browser.screenshot(browser, "training-session-waiting");
        WebElement withdraw = browser.findElement(By.cssSelector("#seated-table tbody tr button.secondary"));
        withdraw.click();
        Browser.await(browser, Duration.ofSeconds(5)).until(ExpectedConditions.stalenessOf(withdraw));
        Browser.await(browser, Duration.ofSeconds(5)).until(d -> d.findElement(By.id("seated-table")).getText()
                .contains("Orkhan Second"));
        assertThat(browser.findElement(By.id("seated-table")).getText()).contains("moved up");
        Browser.screenshot(browser, "training-session-promoted");
        browser.executeScript("window.scrollTo(0, 0)");
        Browser.screenshot(browser, "training-session-top");

        browser.get(base() + "/training/people");
        assertThat(browser.findElement(By.id("people-table")).getText()).contains("Aysel First");
        Browser.screenshot(browser, "training-people");
        browser.findElement(By.linkText("OF-2 Aysel First")).click();
        Browser.await(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("/training/people/"));
        assertThat(browser.findElement(By.id("person-facts")).getText()).contains("en 3232");
        Browser.screenshot(browser, "training-person");
        browser.get(base() + "/training/people");
        browser.findElement(By.linkText("OR-7 Nigar Hasanova")).click();
        Browser.await(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("/training/people/"));
        assertThat(browser.findElement(By.id("completion-table")).getText()).contains("LANG-EN-2").contains("xapi:");
        assertThat(browser.findElement(By.id("qualification-table")).getText()).contains("EOD-101");
        Browser.screenshot(browser, "training-person-demo");
        signOut();

        signIn("tur.officer");
        browser.get(sessionUrl);
        assertThat(browser.findElement(By.id("roster")).getText()).doesNotContain("Orkhan Second")
                .contains("not released to you");
        signOut();
    }

    @Test
    void theReadinessBoardAndTheForceRegistryShowTheComputedReadinessWithALegend() {
        signIn("force.planner");
        browser.get(base() + "/training/readiness");
        List<WebElement> rows = browser.findElements(By.cssSelector("#readiness-table tbody tr"));
        assertThat(rows).isNotEmpty();
        assertThat(browser.findElement(By.id("readiness-legend")).getText()).contains("ready")
                .contains("expiring soon").contains("not certified");
        assertThat(browser.findElements(By.cssSelector("#readiness-table tr[data-state='EXPIRING'].expiring-row")))
                .isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#readiness-table tr[data-state='NOT_CERTIFIED']")))
                .isNotEmpty();
        Browser.screenshot(browser, "training-readiness");

        browser.get(base() + "/forces");
        assertThat(browser.findElements(By.cssSelector("#unit-table .training-readiness span[data-capability='EOD']")))
                .isNotEmpty();
        Browser.screenshot(browser, "force-registry-training-readiness");
        signOut();

        signIn("admin");
        browser.get(base() + "/training/learning-records");
        assertThat(browser.findElement(By.id("systems")).getText()).contains("aze-lms");
        assertThat(browser.findElement(By.id("dead-letter-table")).getText()).contains("is no person of AZE");
        Browser.screenshot(browser, "training-learning-records");
        signOut();
    }

    private void nominate(String person) {
        new Select(browser.findElement(By.id("nominate-person"))).selectByValue(person);
        WebElement submit = browser.findElement(By.id("nominate-submit"));
        submit.click();
        Browser.await(browser, Duration.ofSeconds(5)).until(ExpectedConditions.stalenessOf(submit));
        Browser.await(browser, Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector(
                "#nominate .error, #nominate .info")).isEmpty());
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
