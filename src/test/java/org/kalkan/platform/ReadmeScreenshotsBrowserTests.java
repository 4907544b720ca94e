package org.kalkan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.Browser;
import org.kalkan.KalkanTest;
import org.kalkan.incident.IncidentFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The README's screenshots (docs/screenshots): the home page, the map, a crisis room and the alert inbox of the CMC
 * director at 1366×768, in English and in Azerbaijani. Runs only when asked:
 * {@code mvn -o test -Dtest=ReadmeScreenshotsBrowserTests -Dkalkan.screenshots=docs/screenshots}.
 */
@KalkanTest
class ReadmeScreenshotsBrowserTests {

    private static final String USER = "cmc.director";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    private ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        jdbc.sql("UPDATE app_user SET locale = 'en' WHERE username = :u").param("u", USER).update();
    }

    @Test
    void theReadmeScreenshots() {
        String target = System.getProperty("kalkan.screenshots");
        Assumptions.assumeTrue(target != null, "screenshots for the README are taken on request only");
        String crisis = aCrisisWithItsWork();
        for (String language : List.of("en", "az")) {
            jdbc.sql("UPDATE app_user SET locale = :l WHERE username = :u").param("l", language).param("u", USER)
                    .update();
            browser = Browser.signedIn(port, USER);
            browser.manage().window().setSize(new Dimension(1366, 768));
            Browser.await(browser, Duration.ofSeconds(15))
                    .until(d -> !d.findElements(By.id("user-clearance")).isEmpty());
            shoot(target, "dashboard-" + language, "/");
            shoot(target, "map-" + language, "/map");
            Browser.await(browser, Duration.ofSeconds(15))
                    .until(d -> d.findElements(By.cssSelector(".incident-symbol")).size() >= 2);
            save(target, "map-" + language);
            shoot(target, "crisis-room-" + language, "/crises/" + crisis);
            shoot(target, "inbox-" + language, "/alerts");
            assertThat(browser.findElement(By.id("alert-inbox")).getText()).contains("Sabirabad");
            browser.quit();
            browser = null;
        }
    }

    /** The demo crisis of the README walkthrough, with reports, a task, an RFI, log entries and a FLASH alert. */
    private String aCrisisWithItsWork() {
        ApiClient api = new ApiClient(port);
        String aze = api.token("aze.officer", "kalkan-demo");
        String director = api.token(USER, "kalkan-demo");
        String flood = api.post("/api/v1/reports", aze, IncidentFixtures.report("NATURAL_DISASTER", 39.99, 48.47,
                "RESTRICTED", "MEMBERS")).json().get("incidentId").asString();
        String unrest = api.post("/api/v1/reports", aze, IncidentFixtures.report("OTHER", 40.39, 47.16,
                "CONFIDENTIAL", "AZE", "KAZ", "TUR")).json().get("incidentId").asString();
        var opened = api.post("/api/v1/crises", director, Map.of("title", "Kura floods: Sabirabad and Yevlakh",
                "incidentIds", List.of(flood, unrest), "sitrepEvery", "PT12H",
                "label", Map.of("classification", "CONFIDENTIAL", "releasableTo", List.of("AZE", "KAZ", "TUR"))));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String crisis = opened.json().get("id").asString();
        api.post("/api/v1/crises/" + crisis + "/phase", director, Map.of("phase", "ASSESSMENT",
                "reason", "Levee breach confirmed by the AZE emergency ministry"));
        api.post("/api/v1/crises/" + crisis + "/log", director, Map.of("text",
                "Water level at Sabirabad 1.2 m above the warning mark; two villages cut off."));
        api.post("/api/v1/crises/" + crisis + "/tasks", director, Map.of("title", "Bridge survey on the M3",
                "owner", Map.of("kind", "NATION", "name", "AZE"), "dueAt",
                Instant.now().plus(Duration.ofHours(6)).toString()));
        api.post("/api/v1/crises/" + crisis + "/rfis", director, Map.of("question",
                "Which airlift assets can reach Yevlakh within 24 hours?", "addressedTo", List.of("KAZ", "TUR"),
                "deadline", Instant.now().plus(Duration.ofHours(12)).toString()));
        api.post("/api/v1/alerts", api.token("cmc.watch", "kalkan-demo"), Map.of("text",
                "FLASH: levee breach at Sabirabad, evacuation under way", "recipients",
                Map.of("users", List.of(USER)), "precedence", "FLASH",
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS"))));
        return crisis;
    }

    private void shoot(String target, String name, String path) {
        browser.get("http://localhost:" + port + path);
        Browser.await(browser, Duration.ofSeconds(15))
                .until(d -> !d.findElements(By.id("classification-banner")).isEmpty());
        save(target, name);
    }

    private void save(String target, String name) {
        try {
            Path directory = Files.createDirectories(Path.of(target));
            Files.write(directory.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
