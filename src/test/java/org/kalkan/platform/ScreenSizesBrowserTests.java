package org.kalkan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.Browser;
import org.kalkan.KalkanTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page a role's navigation offers, at the two screens the operators use (1920×1080 and 1366×768): the page
 * fits the width (no sideways scrolling of the whole page), the banner is on screen, and no id is shown to a person.
 * Each page is kept as a screenshot (target/screenshots/size-…) for a person to look at.
 */
@KalkanTest
class ScreenSizesBrowserTests {

    private static final List<Dimension> SCREENS = List.of(new Dimension(1920, 1080), new Dimension(1366, 768));
    /** Between them, every page of the navigation (each page is visited once, as the first role offered it). */
    private static final List<String> ROLES = List.of("cmc.director", "aze.officer", "council.chair",
            "force.planner", "training.coordinator", "admin");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @LocalServerPort int port;
    private ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.manage().window().setSize(new Dimension(1366, 900));
            browser.quit();
        }
    }

    @Test
    void everyPageOfTheNavigationFitsBothScreensAndShowsNoId() {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String user : ROLES) {
            browser = Browser.signedIn(port, user);
            Set<String> pages = new LinkedHashSet<>();
            for (WebElement link : browser.findElements(By.cssSelector("nav a[href^='/']"))) {
                if (seen.add(link.getDomAttribute("href"))) {
                    pages.add(link.getDomAttribute("href"));
                }
            }
            for (Dimension screen : SCREENS) {
                browser.manage().window().setSize(screen);
                for (String page : pages) {
                    browser.get("http://localhost:" + port + page);
                    Browser.await(browser, Duration.ofSeconds(15))
                            .until(d -> !d.findElements(By.id("classification-banner")).isEmpty());
                    String where = user + " " + page + " at " + screen.getWidth() + "×" + screen.getHeight();
                    Number overflow = (Number) browser.executeScript(
                            "return document.documentElement.scrollWidth - window.innerWidth;");
                    if (overflow.intValue() > 1) {
                        problems.add(where + ": " + overflow + " px wider than the screen");
                    }
                    if (!browser.findElement(By.id("classification-banner")).isDisplayed()) {
                        problems.add(where + ": no banner");
                    }
                    String text = browser.findElement(By.tagName("main")).getText();
                    var id = UUID.matcher(text);
                    // CAP messages and threat intelligence show the senders' own identifiers (a CAP identifier,
                    // a STIX id), which analysts quote back to the sender: those are not the node's record ids.
                    boolean foreignIds = page.startsWith("/cap-messages") || page.startsWith("/cti");
                    if (!foreignIds && id.find()) {
                        problems.add(where + ": shows an id " + id.group());
                    }
                    Browser.screenshot(browser, "size-" + screen.getWidth() + "-" + user
                            + page.replaceAll("[^a-z0-9]+", "-"));
                }
            }
            browser.manage().window().setSize(new Dimension(1366, 900));
            browser.quit();
            browser = null;
        }
        assertThat(seen).as("pages visited").contains("/", "/map", "/crises", "/council", "/forces", "/training",
                "/admin/audit", "/alerts");
        assertThat(problems).isEmpty();
    }
}
