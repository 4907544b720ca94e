package org.kalkan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kalkan.ApiClient;
import org.kalkan.Browser;
import org.kalkan.ExerciseFixtures;
import org.kalkan.KalkanTest;
import org.kalkan.incident.IncidentFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Markings are always readable and always complete: a browser signs in as several roles, visits every page it can
 * reach from the navigation (one or two of each kind of page), opens a map popup, and on each page reads every
 * marking (the banners, every {@code .marking}) with its computed colours. Each must reach WCAG AA contrast (4.5:1,
 * from the computed text colour over the composited background), carry a classification and, for a record, its
 * releasability; in an exercise context each record's marking starts with EXERCISE.
 */
@KalkanTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarkingContrastBrowserTests {

    /** WCAG 2.x AA for normal-size text (markings are small and bold, not "large"). */
    private static final double AA = 4.5;
    private static final int PAGES_PER_ROLE = 30;
    private static final Pattern UUIDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern NUMBERS = Pattern.compile("/\\d+(?=/|$)");
    private static final Pattern RECORD_MARKING = Pattern.compile(
            "(EXERCISE · )?(UNCLASSIFIED|RESTRICTED|CONFIDENTIAL|SECRET) // REL TO [A-Z, ]+");
    private static final Pattern BANNER = Pattern.compile(
            "(UNCLASSIFIED|RESTRICTED|CONFIDENTIAL|SECRET)( // REL TO [A-Z, ]+)?");

    /**
     * Every marking on the page with its contrast: the text colour composited over the backgrounds behind it (the
     * nearest opaque ancestor and any translucent ones above it), as WCAG defines relative luminance.
     */
    private static final String MEASURE = """
            function parse(c) {
              const m = /rgba?\\(([^)]+)\\)/.exec(c || '');
              if (!m) return null;
              const p = m[1].split(',').map(s => parseFloat(s));
              return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
            }
            function over(top, bottom) {
              const a = top.a + bottom.a * (1 - top.a);
              const mix = k => (top[k] * top.a + bottom[k] * bottom.a * (1 - top.a)) / a;
              return { r: mix('r'), g: mix('g'), b: mix('b'), a: a };
            }
            function background(el) {
              const layers = [];
              for (let e = el; e; e = e.parentElement) {
                const c = parse(getComputedStyle(e).backgroundColor);
                if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
              }
              let bg = { r: 255, g: 255, b: 255, a: 1 };
              for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
              return bg;
            }
            function luminance(c) {
              const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
              return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
            }
            const found = document.querySelectorAll('.marking, .banner, .exercise-banner');
            return Array.from(new Set(found)).filter(el => el.textContent.trim()).map(el => {
              const bg = background(el);
              const fg = over(parse(getComputedStyle(el).color), bg);
              const l1 = luminance(fg), l2 = luminance(bg);
              return {
                text: el.textContent.trim().replace(/\\s+/g, ' '),
                kind: el.classList.contains('banner') ? 'banner'
                  : el.classList.contains('exercise-banner') ? 'exercise' : 'record',
                ratio: (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05),
                colours: getComputedStyle(el).color + ' on ' + 'rgb(' + [bg.r, bg.g, bg.b].map(Math.round) + ')'
              };
            });
            """;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    private ChromeDriver browser;
    private UUID exercise;

    private final List<String> failures = new ArrayList<>();
    private final Set<String> classificationsSeen = new TreeSet<>();
    private final Set<String> pagesSeen = new TreeSet<>();
    private int popupsChecked;

    /** Records of every classification, an alert in the inbox (where markings were once invisible), an exercise. */
    @BeforeAll
    void records() {
        ApiClient api = new ApiClient(port);
        String aze = api.token("aze.officer", "kalkan-demo");
        for (String classification : List.of("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET")) {
            assertThat(api.post("/api/v1/reports", aze, IncidentFixtures.report("BORDER_INCIDENT",
                    39.0 + classification.length() / 10.0, 46.5, classification, "AZE", "TUR")).status())
                    .isEqualTo(201);
        }
        String watch = api.token("cmc.watch", "kalkan-demo");
        assertThat(api.post("/api/v1/alerts", watch, Map.of("text", "Marking check: convoy at the border",
                "recipients", Map.of("users", List.of("aze.officer", "hun.observer")), "precedence", "PRIORITY",
                "label", Map.of("classification", "CONFIDENTIAL", "releasableTo", List.of("ALL")))).status())
                .isEqualTo(201);
        exercise = ExerciseFixtures.steppeShield(jdbc, "MARKING CHECK " + (System.nanoTime() % 10_000));
        String kgz = api.token("kgz.officer", "kalkan-demo");
        assertThat(api.post("/api/v1/reports?exercise=" + exercise, kgz,
                IncidentFixtures.report("BORDER_INCIDENT", 42.5, 74.0, "RESTRICTED", "MEMBERS")).status())
                .isEqualTo(201);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @Test
    void everyMarkingOnEveryPageIsReadableAndCompleteForEveryRole() {
        for (String user : List.of("aze.officer", "cmc.director", "council.chair", "force.planner",
                "exercise.director", "hun.observer", "programme.manager", "admin")) {
            visitAll(user, null);
        }
        visitAll("kgz.officer", exercise);
        Browser.screenshot(browser, "markings-last-page");
        assertThat(failures).as("markings below %s:1 or incomplete", AA).isEmpty();
        assertThat(classificationsSeen).as("every classification's colour was checked")
                .containsExactly("CONFIDENTIAL", "RESTRICTED", "SECRET", "UNCLASSIFIED");
        assertThat(popupsChecked).as("map popups checked").isPositive();
        assertThat(pagesSeen).as("pages visited").contains("/alerts", "/alerts/{id}", "/incidents", "/incidents/{id}",
                "/map", "/crises", "/council", "/forces", "/exercises", "/training", "/training/readiness", "/industry",
                "/cap-messages", "/admin/audit");
    }

    /** Signs in and visits every page reachable from the navigation, breadth first, one of each kind. */
    private void visitAll(String user, UUID inExercise) {
        String base = "http://localhost:" + port;
        if (browser == null) {
            browser = Browser.start();
        }
        browser.manage().deleteAllCookies();
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("kalkan-demo");
        browser.findElement(By.id("sign-in")).click();
        Browser.await(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.id("user-clearance")).isEmpty());
        String context = inExercise == null ? "" : "?exercise=" + inExercise;
        Deque<String> queue = new ArrayDeque<>(List.of(base + "/" + context));
        Set<String> kinds = new HashSet<>(List.of("/"));
        Set<String> queued = new LinkedHashSet<>(queue);
        int visited = 0;
        while (!queue.isEmpty() && visited < PAGES_PER_ROLE) {
            String url = queue.removeFirst();
            browser.get(url);
            visited++;
            String kind = kind(url);
            pagesSeen.add(kind);
            if (kind.equals("/map")) {
                openAPopup();
            }
            check(user, url, inExercise != null);
            for (String link : links(base)) {
                String linkKind = kind(link);
                if (worthVisiting(link) && !queued.contains(link) && kinds.add(linkKind)) {
                    queued.add(link);
                    queue.addLast(link);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void check(String user, String url, boolean inExercise) {
        List<Map<String, Object>> markings = (List<Map<String, Object>>) browser.executeScript(MEASURE);
        assertThat(markings).as("the banner on " + url).isNotEmpty();
        for (Map<String, Object> marking : markings) {
            String text = (String) marking.get("text");
            double ratio = ((Number) marking.get("ratio")).doubleValue();
            String where = user + " " + url + ": «" + text + "» " + marking.get("colours") + " = "
                    + String.format("%.2f", ratio) + ":1";
            if (ratio < AA) {
                failures.add(where);
            }
            switch ((String) marking.get("kind")) {
                case "record" -> {
                    if (!RECORD_MARKING.matcher(text).matches()) {
                        failures.add(where + " is not a complete marking");
                    } else if (inExercise && !text.startsWith("EXERCISE · ")) {
                        failures.add(where + " lacks EXERCISE in an exercise context");
                    }
                    classificationsSeen.add(text.replace("EXERCISE · ", "").split(" ")[0]);
                }
                case "banner" -> {
                    if (!BANNER.matcher(text).matches()) {
                        failures.add(where + " is not a banner marking");
                    }
                }
                default -> {
                    if (!text.startsWith("EXERCISE EXERCISE EXERCISE")) {
                        failures.add(where + " is not the exercise band");
                    }
                }
            }
        }
    }

    /** The map draws its symbols by script: open the first one's popup, whose marking is checked with the page's. */
    private void openAPopup() {
        try {
            Browser.await(browser, Duration.ofSeconds(6))
                    .until(d -> !d.findElements(By.cssSelector(".incident-symbol")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException none) {
            return; // nothing this user may see on the map
        }
        browser.executeScript("document.querySelector('.incident-symbol').click()");
        Browser.await(browser, Duration.ofSeconds(5))
                .until(d -> !d.findElements(By.cssSelector(".leaflet-popup .marking")).isEmpty());
        popupsChecked++;
    }

    @SuppressWarnings("unchecked")
    private List<String> links(String base) {
        List<String> hrefs = (List<String>) browser.executeScript(
                "return Array.from(document.querySelectorAll('a[href]')).map(a => a.href);");
        return hrefs.stream().map(h -> h.replaceAll("#.*$", "")).filter(h -> h.startsWith(base + "/")).toList();
    }

    private static boolean worthVisiting(String url) {
        String path = URI.create(url).getPath();
        return !path.matches(".*\\.(pdf|json|csv|xml|geojson|svg|png|mpp)$") && !path.startsWith("/api/")
                && !path.startsWith("/v3/") && !path.startsWith("/swagger") && !path.startsWith("/actuator")
                && !path.startsWith("/ogc") && !path.startsWith("/taxii") && !path.startsWith("/cap/")
                && !path.equals("/logout") && !path.endsWith("/stream") && !path.startsWith("/vendor/");
    }

    /** A page's kind: its path with ids and numbers replaced, so one of each is visited. */
    private static String kind(String url) {
        String path = URI.create(url).getPath();
        return NUMBERS.matcher(UUIDS.matcher(path).replaceAll("{id}")).replaceAll("/{n}");
    }
}
