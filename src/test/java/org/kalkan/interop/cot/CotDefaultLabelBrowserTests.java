package org.kalkan.interop.cot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.Browser;
import org.kalkan.KalkanTest;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Users set the label of their TAK devices' unlabelled CoT on a page; administrators set anyone's. */
@KalkanTest
class CotDefaultLabelBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    CotUserLabels labels;

    @Autowired
    JdbcClient jdbc;

    private final List<ChromeDriver> browsers = new ArrayList<>();

    @AfterEach
    void close() {
        browsers.forEach(ChromeDriver::quit);
        jdbc.sql("DELETE FROM cot_user_label WHERE username IN ('uzb.officer', 'kgz.delegate')").update();
    }

    @Test
    void aUserSetsTheDefaultLabelOfTheirOwnCotAndCannotGoAboveTheirClearance() {
        ChromeDriver uzb = signedIn("uzb.officer");
        uzb.get("http://localhost:" + port + "/cot/default-label");
        assertThat(uzb.findElement(By.id("label-current")).getText()).isEqualTo("RESTRICTED // REL TO MEMBERS");
        assertThat(Browser.findNow(uzb, By.id("label-user"))).as("no user picker for a non-administrator").isEmpty();

        new org.openqa.selenium.support.ui.Select(uzb.findElement(By.id("classification")))
                .selectByValue("CONFIDENTIAL");
        uzb.findElement(By.cssSelector("input[name=releasableTo][value=MEMBERS]")).click();
        uzb.findElement(By.cssSelector("input[name=releasableTo][value=UZB]")).click();
        assertThat(uzb.findElement(By.id("label-preview")).getText()).isEqualTo("CONFIDENTIAL // REL TO UZB");
        uzb.findElement(By.id("label-save")).click();
        Browser.await(uzb, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("label-saved")).isEmpty());
        assertThat(uzb.findElement(By.id("label-current")).getText()).isEqualTo("CONFIDENTIAL // REL TO UZB");
        assertThat(labels.defaultLabel("uzb.officer").marking()).isEqualTo("CONFIDENTIAL // REL TO UZB");
        Browser.screenshot(uzb, "cot-default-label-user");

        uzb.get("http://localhost:" + port + "/cot/default-label?user=kgz.delegate");
        assertThat(uzb.getPageSource()).as("another user's label is not shown").doesNotContain("label-current");
    }

    @Test
    void anAdministratorSetsAnotherUsersDefaultLabel() {
        ChromeDriver admin = signedIn("admin");
        admin.get("http://localhost:" + port + "/cot/default-label");
        // The user is picked (a person found by name, user name or nation), not typed.
        Browser.pickUser(admin, "user", "kgz.del", "kgz.delegate");
        admin.findElement(By.cssSelector("#label-user button[type=submit]")).click();
        Browser.await(admin, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("label-username")).getText()
                .equals("kgz.delegate"));
        admin.findElement(By.cssSelector("input[name=releasableTo][value=MEMBERS]")).click();
        admin.findElement(By.cssSelector("input[name=releasableTo][value=KGZ]")).click();
        admin.findElement(By.cssSelector("input[name=releasableTo][value=KAZ]")).click();
        admin.findElement(By.id("label-save")).click();
        Browser.await(admin, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("label-saved")).isEmpty());
        assertThat(admin.findElement(By.id("label-current")).getText()).isEqualTo("RESTRICTED // REL TO KAZ, KGZ");
        assertThat(labels.defaultLabel("kgz.delegate").marking()).isEqualTo("RESTRICTED // REL TO KAZ, KGZ");
        Browser.screenshot(admin, "cot-default-label-admin");
    }

    private ChromeDriver signedIn(String username) {
        ChromeDriver browser = Browser.signedIn(port, username);
        browsers.add(browser);
        return browser;
    }
}
