package org.kalkan.cop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.Browser;
import org.kalkan.KalkanTest;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The map's banner, redrawn in the browser as records arrive, names what is common to everything shown the way the
 * page banner does (platform.PageMarking): communities are expanded to the nations they mean, so a map mixing
 * {@code MEMBERS} with named nations says {@code REL TO AZE, TUR}, not the classification alone. The lists are given
 * directly (the shared node's map holds whatever other classes filed); the communities come from the page itself.
 */
@KalkanTest
class MapBannerBrowserTests {

    @LocalServerPort int port;
    private ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theLiveBannerExpandsCommunitiesToTheirNations() {
        browser = Browser.signedIn(port, "tur.officer");
        browser.get("http://localhost:" + port + "/map");
        Browser.await(browser, Duration.ofSeconds(30)).until(d -> "true".equals(
                d.findElement(org.openqa.selenium.By.tagName("body")).getDomAttribute("data-map-ready")));

        assertThat(common("['MEMBERS'], ['AZE', 'TUR']")).containsExactly("AZE", "TUR");
        assertThat(common("['TUR', 'AZE'], ['MEMBERS']")).containsExactly("AZE", "TUR");
        // A community wholly inside what every list reaches is named, the rest as nations.
        assertThat(common("['MEMBERS'], ['MEMBERS', 'HUN']")).containsExactly("MEMBERS");
        assertThat(common("['ALL'], ['MEMBERS', 'HUN']")).containsExactly("HUN", "MEMBERS");
        // The same entries everywhere: kept as written.
        assertThat(common("['MEMBERS'], ['MEMBERS']")).containsExactly("MEMBERS");
        // Nothing in common: only the classification.
        assertThat(common("['HUN'], ['AZE']")).isEmpty();
        // The banner itself keeps REL TO when the page's records have something in common.
        assertThat(browser.findElement(org.openqa.selenium.By.id("classification-banner")).getText())
                .matches("(UNCLASSIFIED|RESTRICTED|CONFIDENTIAL|SECRET)( // REL TO [A-Z, ]+)?");
    }

    @SuppressWarnings("unchecked")
    private List<String> common(String lists) {
        return (List<String>) browser.executeScript("return window.KalkanBanner.commonReleasability(["
                + lists + "], window.KalkanBanner.communities());");
    }
}
