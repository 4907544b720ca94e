package org.kalkan.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.industry.IndustryFixtures.MANAGER;
import static org.kalkan.industry.IndustryFixtures.PASSWORD;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.Browser;
import org.kalkan.KalkanTest;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The programme manager's dashboard in headless Chromium: EVM indices with their colours and legend, the S-curve and
 * the work-share bars drawn by Chart.js (served by the node), the Gantt chart with the critical path in red, and a
 * progress report through the form; the licence page flags a licence about to expire.
 */
@KalkanTest
class IndustryBrowserTests {

    @LocalServerPort int port;
    private ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDashboardShowsIndicesChartsAndTheCriticalPath() {
        ApiClient api = new ApiClient(port);
        String token = api.token(MANAGER, PASSWORD);
        String name = "KARTAL browser " + UUID.randomUUID().toString().substring(0, 6);
        String id = IndustryFixtures.droneProgramme(api, token, name);
        String base = "/api/v1/industry/programmes/" + id;
        api.post(base + "/work-packages/WP1/progress", token, Map.of("asOf", "2026-04-01", "percentComplete", 20,
                "actualCost", 250000));
        api.post(base + "/work-packages/WP2/progress", token, Map.of("asOf", "2026-07-01", "percentComplete", 50,
                "actualCost", 400000));

        browser = Browser.signedIn(port, MANAGER);
        browser.get("http://localhost:" + port + "/industry");
        browser.findElement(By.linkText(name)).click();
        browser.get(browser.getCurrentUrl() + "?asOf=2026-07-01");
        // the progress form, as a person would fill it in
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("progress-code"))).selectByValue("WP1");
        browser.findElement(By.id("progress-percent")).sendKeys("40");
        browser.findElement(By.id("progress-cost")).sendKeys("520000");
        browser.findElement(By.id("progress-submit")).click();
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".notice")).isEmpty());

        Browser.await(browser, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(browser.executeScript(
                "const s = document.getElementById('s-curve'), w = document.getElementById('work-share');"
                        + "return !!(s && s.chart && w && w.chart);")));
        assertThat(browser.findElement(By.id("programme-cpi")).getText()).isEqualTo("0.9946");
        assertThat(browser.findElement(By.cssSelector("#programme-cpi .idx")).getAttribute("class"))
                .contains("idx-amber");
        assertThat(browser.findElement(By.id("index-legend")).getText()).contains("0.90");
        assertThat(browser.findElements(By.cssSelector("#gantt .bar.critical"))).hasSize(3);
        assertThat(browser.findElement(By.cssSelector("#gantt .bar.critical")).getAttribute("data-code"))
                .isEqualTo("WP1");
        assertThat(browser.findElement(By.id("wp-WP4")).getAttribute("class")).contains("critical-row");
        assertThat(browser.findElement(By.id("nation-KAZ")).getText()).contains("1.0000");
        Object points = browser.executeScript("return document.getElementById('s-curve').chart.data.datasets[1]"
                + ".data.filter(v => v !== null).length;");
        assertThat(((Number) points).intValue()).isGreaterThan(3);
        assertThat(browser.findElement(By.id("classification-banner")).getText()).contains("CONFIDENTIAL");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 3400)); // the whole page
        Browser.screenshot(browser, "industry-dashboard");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));

        browser.get("http://localhost:" + port + "/industry/licences");
        assertThat(browser.findElement(By.id("licences")).getText()).contains("TUR-GEN-2026-0007")
                .contains("expires soon");
        Browser.screenshot(browser, "industry-licences");
        browser.get("http://localhost:" + port + "/industry");
        assertThat(browser.findElement(By.id("global-balance")).getText()).contains("TUR");
        Browser.screenshot(browser, "industry-programmes");
    }

    @Test
    void theCouncilChairCirculatesARebalancingFromTheIndustryPage() {
        ApiClient api = new ApiClient(port);
        String token = api.token(MANAGER, PASSWORD);
        String id = IndustryFixtures.droneProgramme(api, token, "KARTAL chair " + UUID.randomUUID().toString()
                .substring(0, 6));
        String base = "/api/v1/industry/programmes/" + id;
        int version = api.get(base, token).json().get("version").asInt();
        api.post(base + "/phase", token, Map.of("phase", "DEVELOPMENT", "version", version));
        api.post(base + "/work-packages/WP6/plan", token, Map.of("plannedStart", "2027-04-01",
                "plannedFinish", "2027-07-01", "budget", 200000));
        String proposal = api.get("/api/v1/industry/rebalancing?programmeId=" + id, token).json().get(0).get("id")
                .asString();

        browser = Browser.signedIn(port, "council.chair");
        browser.get("http://localhost:" + port + "/industry");
        var form = browser.findElement(By.cssSelector("form[action$='/industry/rebalancing/" + proposal
                + "/circulation']"));
        assertThat(form.findElement(By.name("silenceEndsAt")).getAttribute("value")).isNotBlank();
        Browser.screenshot(browser, "industry-circulation");
        form.findElement(By.tagName("button")).click();
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".notice")).isEmpty());
        assertThat(api.get("/api/v1/industry/rebalancing?programmeId=" + id, token).json().get(0).get("status")
                .asString()).isEqualTo("CIRCULATED");
    }
}
