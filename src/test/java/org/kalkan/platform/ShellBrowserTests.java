package org.kalkan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.Browser;
import org.kalkan.KalkanTest;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A person signs in through the real login form in a real browser. */
@KalkanTest
class ShellBrowserTests {

    @LocalServerPort int port;
    private ChromeDriver browser;

    @BeforeEach
    void open() {
        browser = Browser.start();
    }

    @Autowired JdbcClient jdbc;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        // Other tests sign in as this delegate and expect English.
        jdbc.sql("UPDATE app_user SET locale = 'en' WHERE username = 'uzb.delegate'").update();
    }

    @Test
    void aReportingOfficerSignsInAndSeesTheBannerAndTheirClearance() {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        Browser.screenshot(browser, "login");

        signIn("aze.officer", "kalkan-demo");
        Browser.await(browser, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.id("user-clearance")).isEmpty());

        // The home page is the dashboard: its banner carries the highest marking of what it shows the officer.
        assertThat(browser.findElement(By.id("classification-banner")).getText())
                .matches("(UNCLASSIFIED|RESTRICTED|CONFIDENTIAL|SECRET)( // REL TO .+)?");
        assertThat(browser.findElement(By.id("user-clearance")).getText()).isEqualTo("SECRET");
        assertThat(browser.findElement(By.id("user-nation")).getText()).isEqualTo("AZE");
        assertThat(browser.findElement(By.id("clock-dtg")).getText()).matches("\\d{6}Z[A-Z]{3}\\d{2}");
        Browser.screenshot(browser, "overview");
    }

    @Test
    void aWrongPasswordIsRefusedOnTheForm() {
        browser.get("http://localhost:" + port + "/login");
        signIn("kaz.officer", "wrong-password");
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/login?error"));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("Sign-in failed");
    }

    @Test
    void aUserPicksTheirLanguageAndKeepsItAtTheNextSignIn() {
        browser.get("http://localhost:" + port + "/login");
        signIn("uzb.delegate", "kalkan-demo");
        Browser.await(browser, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.id("user-clearance")).isEmpty());
        browser.get("http://localhost:" + port + "/account");
        assertThat(offered("language")).containsExactlyElementsOf(Languages.TAGS);
        assertThat(offered("shell-language")).containsExactlyElementsOf(Languages.TAGS);
        new Select(browser.findElement(By.id("language"))).selectByValue("tr");
        browser.findElement(By.cssSelector("#account-language button")).click();
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.tagName("h1")).getText()
                .equals("Hesabım"));

        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        browser.get("http://localhost:" + port + "/login?lang=en");
        signIn("uzb.delegate", "kalkan-demo");
        Browser.await(browser, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector(".shell-nav")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".shell-nav")).getText()).contains("Genel bakış");
        Browser.screenshot(browser, "overview-tr");

        // The header's switcher sends itself on change and is kept as well: Kazakh, in Cyrillic.
        new Select(browser.findElement(By.id("shell-language"))).selectByValue("kk");
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.tagName("html"))
                .getDomAttribute("lang").equals("kk"));
        assertThat(browser.findElement(By.cssSelector(".shell-nav")).getText()).contains("Шолу");
        assertThat(jdbc.sql("SELECT locale FROM app_user WHERE username = 'uzb.delegate'").query(String.class)
                .single()).isEqualTo("kk");
    }

    private List<String> offered(String select) {
        return new Select(browser.findElement(By.id(select))).getOptions().stream()
                .map(option -> option.getDomAttribute("value")).toList();
    }

    private void signIn(String username, String password) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }
}
