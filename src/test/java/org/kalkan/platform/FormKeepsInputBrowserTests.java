package org.kalkan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.Browser;
import org.kalkan.KalkanTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A half-filled form survives one wrong field: after the refusal every field holds what was typed, and the reason
 * sits at the field it is about, in the user's language.
 */
@KalkanTest
class FormKeepsInputBrowserTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    private ChromeDriver browser;

    @BeforeEach
    void open() {
        browser = Browser.signedIn(port, "cmc.director");
        Browser.await(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.id("user-clearance")).isEmpty());
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        // Other tests sign in as the director and expect English.
        jdbc.sql("UPDATE app_user SET locale = 'en' WHERE username = 'cmc.director'").update();
    }

    @Test
    void aCrisisFormRefusedForOneFieldKeepsEveryValueAndSaysWhyAtThatField() {
        fillTheCrisisForm("Tanker aground off Aktau");
        browser.findElement(By.id("open-submit")).click();

        Browser.await(browser, Duration.ofSeconds(10)).until(d -> "true".equals(
                d.findElement(By.id("sitrepEvery")).getDomAttribute("aria-invalid")));
        assertThat(value("title")).isEqualTo("Tanker aground off Aktau");
        assertThat(new Select(browser.findElement(By.id("open-classification"))).getFirstSelectedOption()
                .getDomAttribute("value")).isEqualTo("SECRET");
        assertThat(checked("open-releasable")).containsExactly("AZE", "KAZ", "TUR");
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> Browser.pickedUsers(d, "teamUsers").equals(java.util.List.of("cmc.watch")));
        assertThat(checked("teamNations")).containsExactly("KAZ", "TUR");
        assertThat(value("sitrepEvery")).isEqualTo("30");
        assertThat(new Select(browser.findElement(By.id("sitrepEvery-unit"))).getFirstSelectedOption()
                .getDomAttribute("value")).isEqualTo("M");
        WebElement error = errorAfter("sitrepEvery");
        assertThat(error.getText()).isEqualTo("Too short: at least 60 minutes.");
        assertThat(browser.findElement(By.id("sitrepEvery")).getDomAttribute("aria-describedby"))
                .isEqualTo(error.getDomAttribute("id"));
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("sitrepEvery");
        assertThat(browser.findElements(By.xpath("//*[@id='crisis-list']//a[text()='Tanker aground off Aktau']")))
                .as("nothing was stored").isEmpty();
        Browser.screenshot(browser, "form-kept-crisis-en");

        // The same refusal in Turkish, chosen with the header's language switcher.
        new Select(browser.findElement(By.id("shell-language"))).selectByValue("tr");
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.tagName("h1")).getText()
                .equals("Krizler"));
        fillTheCrisisForm("Hazar'da karaya oturan tanker");
        browser.findElement(By.id("open-submit")).click();
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> "true".equals(
                d.findElement(By.id("sitrepEvery")).getDomAttribute("aria-invalid")));
        assertThat(value("title")).isEqualTo("Hazar'da karaya oturan tanker");
        assertThat(errorAfter("sitrepEvery").getText()).isEqualTo("Çok kısa: en az 60 dakika.");
        Browser.screenshot(browser, "form-kept-crisis-tr");

        // Corrected, the form goes through.
        browser.findElement(By.id("sitrepEvery")).clear();
        browser.findElement(By.id("sitrepEvery")).sendKeys("12");
        new Select(browser.findElement(By.id("sitrepEvery-unit"))).selectByValue("H");
        browser.findElement(By.id("open-submit")).click();
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("crisis-title")).isEmpty());
        assertThat(browser.findElement(By.id("crisis-title")).getText()).isEqualTo("Hazar'da karaya oturan tanker");
    }

    private void fillTheCrisisForm(String title) {
        browser.get("http://localhost:" + port + "/crises");
        browser.findElement(By.id("title")).sendKeys(title);
        new Select(browser.findElement(By.id("open-classification"))).selectByValue("SECRET");
        // Chips: releasable to AZE, KAZ and TUR instead of MEMBERS; the team's nations KAZ and TUR.
        choose("open-releasable", "MEMBERS", false);
        for (String nation : new String[] {"AZE", "KAZ", "TUR"}) {
            choose("open-releasable", nation, true);
        }
        Browser.pickUser(browser, "teamUsers", "cmc.wat", "cmc.watch");
        choose("teamNations", "KAZ", true);
        choose("teamNations", "TUR", true);
        // 30 minutes, shorter than the node allows between SITREPs (the picker cannot make a malformed duration).
        browser.findElement(By.id("sitrepEvery")).sendKeys("30");
        new Select(browser.findElement(By.id("sitrepEvery-unit"))).selectByValue("M");
    }

    private void choose(String chips, String entry, boolean on) {
        WebElement box = browser.findElement(By.id(chips + "-" + entry));
        if (box.isSelected() != on) {
            browser.executeScript("arguments[0].click();", box);
        }
    }

    /** The chips ticked in a chip selector, in page order. */
    private java.util.List<String> checked(String chips) {
        return browser.findElements(By.cssSelector("#" + chips + " input[type=checkbox]")).stream()
                .filter(WebElement::isSelected).map(e -> e.getDomAttribute("value")).toList();
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getDomProperty("value");
    }

    /** The refusal, right after the field in the form (where a screen reader reads it with the field). */
    private WebElement errorAfter(String id) {
        WebElement next = (WebElement) browser.executeScript(
                "return document.getElementById(arguments[0]).nextElementSibling;", id);
        assertThat(next.getDomAttribute("role")).isEqualTo("alert");
        return next;
    }
}
