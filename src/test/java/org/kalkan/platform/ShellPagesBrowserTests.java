package org.kalkan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.Browser;
import org.kalkan.KalkanTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The shell around every page: each role is offered what it can use, the page shown is highlighted, refusals and
 * missing pages are the node's own pages with the banner and the navigation, and a demo node says how to sign in.
 */
@KalkanTest
class ShellPagesBrowserTests {

    @LocalServerPort int port;
    private ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aForbiddenPageKeepsTheBannerAndTheNavigation() {
        signIn("aze.officer");
        browser.get(base() + "/admin/audit");

        assertThat(browser.findElement(By.id("error-status")).getText()).isEqualTo("403");
        assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("Not permitted");
        assertThat(browser.findElement(By.id("classification-banner")).getText()).isEqualTo("UNCLASSIFIED");
        assertThat(browser.findElement(By.id("user-username")).getText()).isEqualTo("aze.officer");
        assertThat(navigationPaths()).contains("/", "/incidents", "/incidents/new", "/map").doesNotContain("/admin/audit");
        assertThat(browser.findElement(By.id("error-roles")).isDisplayed()).isTrue();
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
        Browser.screenshot(browser, "error-403");
    }

    @Test
    void aMissingRecordIsTheNodesNotFoundPageInsideTheShell() {
        signIn("cmc.watch");
        browser.get(base() + "/incidents/" + UUID.randomUUID());

        assertThat(browser.findElement(By.id("error-status")).getText()).isEqualTo("404");
        assertThat(browser.findElement(By.id("classification-banner")).isDisplayed()).isTrue();
        assertThat(navigationPaths()).contains("/incidents", "/crises");
        // The page that failed is under Incidents: the navigation still shows where the user is.
        assertThat(current()).isEqualTo("/incidents");
        Browser.screenshot(browser, "error-404");
    }

    @Test
    void eachRoleIsOfferedWhatItCanUseAndThePageShownIsHighlighted() {
        signIn("hun.observer");
        assertThat(navigationPaths()).contains("/incidents", "/map", "/alerts")
                .doesNotContain("/incidents/new", "/forces/requests", "/exercises", "/admin/audit");
        browser.get(base() + "/incidents");
        assertThat(browser.findElements(By.linkText("File a report"))).as("not offered on the page either").isEmpty();
        browser.quit();

        signIn("aze.officer");
        assertThat(navigationPaths()).contains("/incidents/new", "/forces/requests");
        browser.get(base() + "/incidents/new");
        assertThat(current()).isEqualTo("/incidents/new");
        browser.get(base() + "/crises");
        assertThat(current()).isEqualTo("/crises");
        Browser.screenshot(browser, "navigation-current");
    }

    @Test
    void theDemoNodesSignInPageListsTheDemoAccountsAndFillsTheForm() {
        browser = Browser.start();
        browser.get(base() + "/login");
        WebElement accounts = browser.findElement(By.id("demo-accounts"));
        assertThat(accounts.getText()).contains("kalkan-demo", "aze.officer", "hun.observer", "council.chair",
                "Reporting officer", "Observer");
        assertThat(browser.findElements(By.cssSelector("#login-languages a"))).extracting(WebElement::getText)
                .containsExactly("English", "Azərbaycanca", "Қазақша", "Кыргызча", "Русский", "Türkçe", "Oʻzbekcha");
        browser.findElement(By.cssSelector("[data-fill-username='council.chair']")).click();
        assertThat(browser.findElement(By.id("username")).getDomProperty("value")).isEqualTo("council.chair");
        assertThat(browser.findElement(By.cssSelector("link[rel=icon]")).getDomAttribute("href"))
                .isEqualTo("/favicon.svg");
        Browser.screenshot(browser, "login-demo");
    }

    private void signIn(String user) {
        browser = Browser.signedIn(port, user);
        Browser.await(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.id("user-clearance")).isEmpty());
    }

    private List<String> navigationPaths() {
        return browser.findElements(By.cssSelector(".shell-nav a")).stream()
                .map(a -> a.getDomAttribute("href")).toList();
    }

    private String current() {
        return browser.findElement(By.cssSelector(".shell-nav a[aria-current=page]")).getDomAttribute("href");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
