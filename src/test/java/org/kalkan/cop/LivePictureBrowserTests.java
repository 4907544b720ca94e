package org.kalkan.cop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.Browser;
import org.kalkan.KalkanTest;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The done-when of the live picture: AZE files a CONFIDENTIAL // REL TO AZE, TUR report in the form; TUR's open
 * map shows it without reloading; KAZ's open map and the observer see nothing of it.
 */
@KalkanTest
class LivePictureBrowserTests {

    @LocalServerPort int port;
    private final List<ChromeDriver> browsers = new ArrayList<>();

    @AfterEach
    void close() {
        browsers.forEach(ChromeDriver::quit);
    }

    @Test
    void aReportAppearsLiveOnlyOnTheMapsOfThoseItIsReleasedTo() {
        ChromeDriver tur = signedIn("tur.officer");
        ChromeDriver kaz = signedIn("kaz.officer");
        ChromeDriver aze = signedIn("aze.officer");
        for (ChromeDriver map : List.of(tur, kaz)) {
            map.get(url("/map"));
            Browser.await(map, Duration.ofSeconds(15)).until(d -> "true".equals(
                    d.findElement(By.tagName("body")).getDomAttribute("data-stream-ready")));
        }

        String title = "Drone over Sangachal terminal " + System.nanoTime();
        aze.get(url("/incidents/new"));
        new org.openqa.selenium.support.ui.Select(aze.findElement(By.id("category"))).selectByValue("TERRORISM");
        aze.findElement(By.id("title")).sendKeys(title);
        aze.findElement(By.id("narrative")).sendKeys("Small UAV circling the terminal at low altitude.");
        aze.findElement(By.id("lat")).sendKeys("40.18");
        aze.findElement(By.id("lon")).sendKeys("49.47");
        new org.openqa.selenium.support.ui.Select(aze.findElement(By.id("classification"))).selectByValue("CONFIDENTIAL");
        aze.findElement(By.id("rel-TUR")).click();
        long submitted = System.nanoTime();
        aze.findElement(By.id("file-report")).click();
        Browser.await(aze, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().matches(".*/incidents/[0-9a-f-]{36}$"));
        String incidentId = aze.getCurrentUrl().substring(aze.getCurrentUrl().lastIndexOf('/') + 1);
        assertThat(aze.findElement(By.id("incident-marking")).getText()).isEqualTo("CONFIDENTIAL // REL TO AZE, TUR");
        // The banner: the highest classification on the page and the releasability common to all of it.
        assertThat(aze.findElement(By.id("classification-banner")).getText())
                .isEqualTo("CONFIDENTIAL // REL TO AZE, TUR");

        By symbol = By.cssSelector("img[data-incident-id='" + incidentId + "']");
        Browser.await(tur, Duration.ofSeconds(10)).until(d -> !d.findElements(symbol).isEmpty());
        System.out.printf("report shown on TUR's map %d ms after submitting the form%n",
                (System.nanoTime() - submitted) / 1_000_000);
        // Raised to the report's CONFIDENTIAL at least (other tests of this JVM may have put SECRET records on the
        // map), with the releasability common to what the map shows.
        assertThat(tur.findElement(By.id("classification-banner")).getText())
                .matches("(CONFIDENTIAL|SECRET)( // REL TO [A-Z, ]+)?");
        Browser.screenshot(tur, "map-tur");

        // A report KAZ may read, filed after the first had reached TUR's map (so after it was offered to every
        // stream): once it is on KAZ's map, the first would have arrived before it.
        ApiClient api = new ApiClient(port);
        String marker = api.post("/api/v1/reports", api.token("aze.officer", "kalkan-demo"),
                org.kalkan.incident.IncidentFixtures.report("NATURAL_DISASTER", 41.6 + Math.random() / 10, 60.6,
                        "RESTRICTED", "MEMBERS")).json().get("incidentId").asString();
        Browser.await(kaz, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("img[data-incident-id='" + marker + "']")).isEmpty());
        assertThat(Browser.findNow(kaz, symbol)).isEmpty();
        assertThat(kaz.getPageSource()).doesNotContain(title).doesNotContain(incidentId);
        Browser.screenshot(kaz, "map-kaz");
        kaz.get(url("/incidents"));
        assertThat(kaz.getPageSource()).doesNotContain(title);

        String observer = api.token("hun.observer", "kalkan-demo");
        assertThat(api.get("/api/v1/incidents?limit=1000", observer).body()).doesNotContain(incidentId);
        assertThat(api.get("/api/v1/incidents/" + incidentId, observer).status()).isEqualTo(404);
    }

    @Test
    void anIncidentLeavesTheOpenMapsOfThoseWhoMayNoLongerReadItAndOfEveryoneOnceWithdrawn() {
        ChromeDriver tur = signedIn("tur.officer");
        ChromeDriver kaz = signedIn("kaz.officer");
        for (ChromeDriver map : List.of(tur, kaz)) {
            map.get(url("/map"));
            Browser.await(map, Duration.ofSeconds(15)).until(d -> "true".equals(
                    d.findElement(By.tagName("body")).getDomAttribute("data-stream-ready")));
        }
        ApiClient api = new ApiClient(port);
        String aze = api.token("aze.officer", "kalkan-demo");
        var filed = api.post("/api/v1/reports", aze, org.kalkan.incident.IncidentFixtures.report("CYBER_ATTACK",
                40.05 + Math.random() / 10, 48.9, "RESTRICTED", "MEMBERS")).json();
        By symbol = By.cssSelector("img[data-incident-id='" + filed.get("incidentId").asString() + "']");
        for (ChromeDriver map : List.of(tur, kaz)) {
            Browser.await(map, Duration.ofSeconds(10)).until(d -> !d.findElements(symbol).isEmpty());
        }
        String report = "/api/v1/reports/" + filed.get("id").asString();
        assertThat(api.post(report + "/label", aze, java.util.Map.of("label", java.util.Map.of(
                "classification", "CONFIDENTIAL", "releasableTo", List.of("AZE", "TUR")), "reason", "source"))
                .status()).isEqualTo(200);
        Browser.await(kaz, Duration.ofSeconds(10)).until(d -> Browser.absent(d, symbol));
        assertThat(tur.findElements(symbol)).as("TUR may still read it").isNotEmpty();

        assertThat(api.post(report + "/withdrawal", aze, java.util.Map.of("reason", "false alarm")).status())
                .isEqualTo(200);
        Browser.await(tur, Duration.ofSeconds(10)).until(d -> Browser.absent(d, symbol));
        tur.get(url("/incidents/" + filed.get("incidentId").asString()));
        assertThat(tur.findElement(By.tagName("h1")).getText()).contains("No report is left");
        Browser.screenshot(tur, "incident-emptied");
    }

    @Test
    void theMapDrawsTheBasemapReferenceLayersAndSymbols() {
        ApiClient api = new ApiClient(port);
        api.post("/api/v1/reports", api.token("uzb.officer", "kalkan-demo"),
                org.kalkan.incident.IncidentFixtures.report("TRAFFICKING_DRUGS", 41.3, 69.3, "RESTRICTED", "MEMBERS"));
        ChromeDriver uzb = signedIn("uzb.officer");
        uzb.get(url("/map"));
        WebDriverWait wait = Browser.await(uzb, Duration.ofSeconds(15));
        wait.until(d -> d.findElements(By.cssSelector(".leaflet-overlay-pane path")).size() > 100);
        wait.until(d -> !d.findElements(By.cssSelector("img[data-incident-id]")).isEmpty());
        assertThat(uzb.findElement(By.id("map-alert-levels")).getText()).contains("UZB", "Caspian");
        // The layers under their names in the user's language, the MGRS grid among them.
        assertThat(uzb.findElement(By.cssSelector(".leaflet-control-layers-overlays")).getAttribute("textContent"))
                .contains("Pipelines", "Transport corridors", "Railways", "Ports", "Capitals", "Border crossings",
                        "MGRS grid");
        // Water is blue and land neutral (not the other way round), and places are named on the map.
        assertThat(uzb.findElement(By.id("map")).getCssValue("background-color")).isEqualTo("rgba(169, 203, 230, 1)");
        assertThat(uzb.findElement(By.cssSelector("path.country.member")).getAttribute("fill")).isEqualTo("#f2efe6");
        assertThat(uzb.findElements(By.cssSelector(".place-label")).stream().map(e -> e.getAttribute("textContent")))
                .contains("Baku", "Tashkent", "Port of Aktau");
        assertThat(uzb.findElement(By.cssSelector(".map-legend")).getAttribute("textContent"))
                .contains("Legend", "Alert level", "Severe", "Border crossings");
        // The MGRS grid is off until switched on; then its grid zone lines and labels (e.g. 42T) are drawn.
        assertThat(uzb.findElements(By.cssSelector("path.mgrs-line"))).isEmpty();
        ((org.openqa.selenium.JavascriptExecutor) uzb).executeScript("const inputs = document.querySelectorAll("
                + "'.leaflet-control-layers-overlays input'); inputs[inputs.length - 1].click();");
        wait.until(d -> !d.findElements(By.cssSelector("path.mgrs-gzd")).isEmpty());
        assertThat(uzb.findElements(By.cssSelector(".mgrs-label")).stream().map(e -> e.getAttribute("textContent")))
                .contains("42T", "38T");
        Browser.screenshot(uzb, "map-uzb");
    }

    private ChromeDriver signedIn(String username) {
        ChromeDriver browser = Browser.start();
        browsers.add(browser);
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("kalkan-demo");
        browser.findElement(By.id("sign-in")).click();
        return browser;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
