package org.kalkan.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.council.CouncilFixtures.id;
import static org.kalkan.council.CouncilFixtures.silenceDecision;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.Browser;
import org.kalkan.KalkanTest;
import org.kalkan.TestClock;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A delegate breaks silence on the Council page, in a real browser. */
@KalkanTest
class CouncilBrowserTests {

    @LocalServerPort int port;
    @Autowired TestClock clock;
    private ChromeDriver browser;

    @BeforeEach
    void open() {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        clock.reset();
    }

    /** The text of an element in the live part, which htmx may swap between finding it and reading it. */
    private String text(By by) {
        return Browser.await(browser, Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(by).getText());
    }

    @Test
    void aDelegateBreaksSilenceWithAWrittenStatement() {
        ApiClient api = new ApiClient(port);
        Instant deadline = clock.instant().plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.SECONDS);
        String id = id(api.post("/api/v1/council/decisions", CouncilFixtures.token(api, port, "council.chair"),
                silenceDecision("Joint air-defence exercise over the Caspian", deadline, "ALL")));

        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("kaz.delegate");
        browser.findElement(By.id("password")).sendKeys("kalkan-demo");
        browser.findElement(By.id("sign-in")).click();
        Browser.awaitSignedIn(browser);
        browser.findElement(By.linkText("Council")).click();

        Browser.await(browser, Duration.ofSeconds(5)).until(d -> d.findElement(By.id("countdown-" + id)).getText()
                .matches("0[01]:[0-5]\\d:\\d\\d"));
        assertThat(text(By.id("status-" + id))).isEqualTo("Under silence");
        assertThat(browser.findElement(By.id("classification-banner")).getText()).startsWith("CONFIDENTIAL");
        browser.executeScript("arguments[0].scrollIntoView({block: 'start'})",
                browser.findElement(By.id("decision-" + id)));
        Browser.screenshot(browser, "council-under-silence");

        browser.findElement(By.id("break-" + id)).click();
        assertThat(browser.executeScript("return arguments[0].validity.valueMissing",
                browser.findElement(By.id("break-statement-" + id)))).as("the statement is required").isEqualTo(true);
        assertThat(Browser.findNow(browser, By.id("council-message"))).as("so nothing was sent").isEmpty();

        browser.findElement(By.id("break-statement-" + id))
                .sendKeys("Kazakhstan asks that the exercise area be moved north of 44°N.");
        // Breaking silence cannot be undone: the page asks first, and declining sends nothing.
        browser.findElement(By.id("break-" + id)).click();
        Browser.await(browser, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
        assertThat(browser.switchTo().alert().getText()).startsWith("Break silence on");
        browser.switchTo().alert().dismiss();
        assertThat(text(By.id("status-" + id))).isEqualTo("Under silence");
        browser.findElement(By.id("break-" + id)).click();
        Browser.await(browser, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();

        assertThat(browser.findElement(By.id("council-message")).getText()).contains("broken silence");
        assertThat(text(By.id("status-" + id))).isEqualTo("Silence broken");
        assertThat(text(By.cssSelector("#board-" + id + " tr[data-nation=KAZ]"))).contains("Broke silence").contains("north of 44°N");
        assertThat(Browser.findNow(browser, By.id("break-" + id))).as("once per version").isEmpty();
        // The live part is swapped every 2 s by htmx: find it afresh rather than hold an element.
        browser.executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'center'})",
                "board-" + id);
        Browser.screenshot(browser, "council-silence-broken");

        String status = api.get("/api/v1/council/decisions/" + id, CouncilFixtures.token(api, port, "hun.observer"))
                .json().get("status").asString();
        assertThat(status).isEqualTo("SILENCE_BROKEN");

        // The decision as a document: its text, marking and every statement, and as a PDF marked on every page.
        browser.get("http://localhost:" + port + "/council/decisions/" + id);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Joint air-defence exercise over the Caspian");
        assertThat(browser.findElement(By.id("decision-marking")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("decision-positions")).getText()).contains("KAZ", "Broke silence",
                "north of 44°N");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(id);
        Browser.screenshot(browser, "council-decision-document");
        // Fetched as the signed-in delegate (the page's own session), as their browser would.
        String base64 = (String) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.getElementById('decision-pdf').href).then(r => r.arrayBuffer()).then(b => {"
                + "let s = ''; new Uint8Array(b).forEach(c => s += String.fromCharCode(c)); done(btoa(s)); });");
        byte[] pdf = java.util.Base64.getDecoder().decode(base64);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String marking = browser.findElement(By.id("decision-marking")).getText();
        assertThat(org.kalkan.crisis.CrisisFixtures.assertMarkedOnEveryPage(pdf, marking)).isPositive();
    }

    @Test
    void theChairCirculatesADecisionForConsensusFromTheForm() {
        // A real crisis the chair sees: a decision's crisis is resolved for the chair (issue 12).
        String crisis = CouncilFixtures.crisisForTheChair(new ApiClient(port), port, "Aktau port incident", "");
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("council.chair");
        browser.findElement(By.id("password")).sendKeys("kalkan-demo");
        browser.findElement(By.id("sign-in")).click();
        Browser.awaitSignedIn(browser);
        browser.get("http://localhost:" + port + "/council");

        browser.findElement(By.id("draft-title")).sendKeys("Activate the crisis team for the Aktau port incident");
        browser.findElement(By.id("draft-text")).sendKeys("The Council activates the CMC crisis response team.");
        new Select(browser.findElement(By.id("draft-classification"))).selectByValue("RESTRICTED");
        new Select(browser.findElement(By.id("draft-procedure"))).selectByValue("CONSENSUS");
        // Pick, never paste: the crisis is picked by its reference and title, measure values from their lists.
        Select crises = new Select(browser.findElement(By.id("draft-crisis")));
        WebElement option = crises.getOptions().stream().filter(o -> crisis.equals(o.getDomAttribute("value")))
                .findFirst().orElseThrow();
        assertThat(option.getText()).matches("CRI-\\d{4}-\\d{4,} · Aktau port incident.*").doesNotContain(crisis);
        crises.selectByValue(crisis);
        assertThat(new Select(browser.findElement(By.id("param-RAISE_ALERT_LEVEL-level"))).getOptions())
                .extracting(WebElement::getText).containsExactly("Normal", "Elevated", "High", "Severe");
        assertThat(new Select(browser.findElement(By.id("param-RAISE_ALERT_LEVEL-target"))).getOptions())
                .extracting(o -> o.getDomAttribute("value")).contains("AZE", "KAZ", "KGZ", "TUR", "UZB")
                .doesNotContain("HUN");
        assertThat(browser.findElements(By.cssSelector("#draft input[name^='param.']"))).as("nothing typed").isEmpty();
        assertThat(browser.findElement(By.cssSelector("input[name=measure][value=ACTIVATE_FORCES]")).isEnabled())
                .as("a plan is put to the Council from its own page").isFalse();
        browser.findElement(By.cssSelector("input[name=measure][value=ACTIVATE_CRISIS_TEAM]")).click();
        browser.findElement(By.id("draft-submit")).click();

        assertThat(browser.findElement(By.id("council-message")).getText()).contains("circulated");
        WebElement decision = browser.findElement(By.xpath(
                "//article[.//h3[text()='Activate the crisis team for the Aktau port incident']]"));
        assertThat(decision.getText()).contains("RESTRICTED // REL TO MEMBERS").contains("Awaiting positions")
                .contains("Activate the crisis team");
        assertThat(Browser.findNow(browser, decision, By.cssSelector("button[value=CONCUR]"))).as("the chair takes no position")
                .isEmpty();
        browser.executeScript("arguments[0].scrollIntoView({block: 'start'})", decision);
        Browser.screenshot(browser, "council-chair-consensus");

        ApiClient api = new ApiClient(port);
        String consultation = api.post("/api/v1/council/consultations", CouncilFixtures.token(api, port,
                "kgz.delegate"), java.util.Map.of("grounds", java.util.List.of("SECURITY"), "statement",
                "Armed groups crossing from the south.", "label", CouncilFixtures.label("RESTRICTED", "MEMBERS")))
                .json().get("id").asString();
        browser.get("http://localhost:" + port + "/council");
        assertThat(browser.findElement(By.id("consultations")).getText()).contains("Armed groups crossing");
        browser.findElement(By.cssSelector("form[action$='/council/consultations/" + consultation + "/close'] button"))
                .click();
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("council-message")).getText()
                .contains("closed"));
        assertThat(browser.findElement(By.id("consultations")).getText()).doesNotContain("Armed groups crossing");
    }

    @Test
    void theOpenPageShowsTheAdoptionAtTheDeadlineWithoutReloading() {
        ApiClient api = new ApiClient(port);
        Instant deadline = clock.instant().plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.SECONDS);
        String id = id(api.post("/api/v1/council/decisions", CouncilFixtures.token(api, port, "council.chair"),
                silenceDecision("Adopted while the page is open", deadline, "ALL")));

        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("tur.delegate");
        browser.findElement(By.id("password")).sendKeys("kalkan-demo");
        browser.findElement(By.id("sign-in")).click();
        Browser.awaitSignedIn(browser);
        browser.get("http://localhost:" + port + "/council");
        assertThat(browser.findElement(By.id("break-" + id)).isDisplayed()).isTrue();

        clock.advance(Duration.ofMinutes(2));
        Browser.await(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("status-" + id)).getText().equals("Adopted"));
        assertThat(text(By.cssSelector("#live-" + id + " .register-number"))).matches("JDC-\\d{4}-\\d{4}");
        assertThat(browser.findElement(By.id("break-" + id)).isDisplayed()).as("no break after adoption").isFalse();
    }

    /** kgz.delegate: uzb.delegate's language is changed by the shell's browser test in the same node. */
    @Test
    void aDelegateConcursWithOneClickButNeedsAStatementToNonConcur() {
        ApiClient api = new ApiClient(port);
        String id = id(api.post("/api/v1/council/decisions", CouncilFixtures.token(api, port, "council.chair"),
                CouncilFixtures.consensusDecision("Common position on the Caspian security conference")));

        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("kgz.delegate");
        browser.findElement(By.id("password")).sendKeys("kalkan-demo");
        browser.findElement(By.id("sign-in")).click();
        Browser.awaitSignedIn(browser);
        browser.get("http://localhost:" + port + "/council");

        By form = By.cssSelector("form[action$='/council/decisions/" + id + "/positions']");
        browser.findElement(form).findElement(By.cssSelector("button[value=NON_CONCUR]")).click();
        assertThat(browser.executeScript("return arguments[0].validity.valueMissing",
                browser.findElement(By.id("position-statement-" + id)))).as("a non-concurrence needs a statement")
                .isEqualTo(true);
        assertThat(Browser.findNow(browser, By.id("council-message"))).as("so nothing was sent").isEmpty();

        browser.findElement(form).findElement(By.cssSelector("button[value=CONCUR]")).click();
        Browser.await(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("council-message")).getText()
                .contains("position is recorded"));
        assertThat(text(By.cssSelector("#board-" + id + " tr[data-nation=KGZ]"))).contains("Concur");
        assertThat(Browser.findNow(browser, form)).as("one position per version").isEmpty();
        browser.executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'center'})",
                "board-" + id);
        Browser.screenshot(browser, "council-position-taken");
    }
}
