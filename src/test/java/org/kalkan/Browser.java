package org.kalkan;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with explicit paths (Selenium Manager would try to download a
 * driver). On a developer machine without Chromium the browser tests are skipped; under CI they must run.
 */
public final class Browser {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static final Duration IMPLICIT_WAIT = Duration.ofSeconds(5);
    private static final Deque<PooledChrome> IDLE = new ConcurrentLinkedDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> IDLE.forEach(PooledChrome::end), "browser-pool"));
    }

    private Browser() {
    }

    /**
     * A browser for one test, signed out on a blank page. Starting Chromium takes a second or more (several on a
     * loaded machine), so a browser the test ends with {@code quit()} goes back to a pool for the next test of the
     * JVM, its cookies cleared; the pool's browsers end with the JVM.
     */
    public static ChromeDriver start() {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must install chromium and chromium-driver (see .ci/run)");
        }
        Assumptions.assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
        for (PooledChrome idle = IDLE.poll(); idle != null; idle = IDLE.poll()) {
            if (idle.reset()) {
                return idle;
            }
            idle.end();
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,900", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).build();
        PooledChrome driver = new PooledChrome(service, options);
        driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        return driver;
    }

    /**
     * The elements {@code by} finds at once, without the implicit wait (which would make every check that
     * something is absent take its full five seconds): for asserting absence once the page is known to be
     * complete, e.g. after something else on it has been found or a marker event has arrived.
     */
    public static List<WebElement> findNow(WebDriver driver, By by) {
        return findNow(driver, driver, by);
    }

    /** As {@link #findNow(WebDriver, By)}, within {@code context} (an element of the driver's page). */
    public static List<WebElement> findNow(WebDriver driver, SearchContext context, By by) {
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return context.findElements(by);
        } finally {
            driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        }
    }

    /** Whether nothing matches {@code by} now (without the implicit wait): for waiting until something is gone. */
    public static boolean absent(WebDriver driver, By by) {
        return findNow(driver, by).isEmpty();
    }

    /**
     * A wait that also retries when the page was replaced under it (a form's reload, an htmx swap): reading an
     * element of the old page then throws a stale-element error, which only means "not yet".
     */
    public static WebDriverWait await(WebDriver driver, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public static void screenshot(ChromeDriver driver, String name) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(directory.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a browser signed in as a demo user (password {@code kalkan-demo}) on the node at {@code port}. */
    /**
     * Picks a person in a people picker (fragments/pickers :: users) the way a user does: types part of what they
     * know (a name, a user name or a nation) in the search field {@code id} and clicks the person offered.
     */
    public static void pickUser(WebDriver browser, String id, String search, String username) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(search);
        By offered = By.xpath("//input[@id='" + id + "']/following-sibling::ul[contains(@class,'picker-results')]"
                + "//button[@data-username='" + username + "']");
        await(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(offered).isEmpty());
        browser.findElement(offered).click();
        await(browser, Duration.ofSeconds(10)).until(d -> pickedUsers(d, id).contains(username));
    }

    /** The user names a people picker holds as chips. */
    public static List<String> pickedUsers(WebDriver browser, String id) {
        return browser.findElements(By.xpath("//input[@id='" + id + "']/following-sibling::ul[contains(@class,'chips')]"
                + "/li[@data-username]")).stream().map(e -> e.getDomAttribute("data-username")).toList();
    }

    public static ChromeDriver signedIn(int port, String username) {
        ChromeDriver browser = start();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys("kalkan-demo");
        browser.findElement(org.openqa.selenium.By.id("sign-in")).click();
        awaitSignedIn(browser);
        return browser;
    }

    /**
     * Waits until the sign-in form has been answered: a click may return before the browser has followed the
     * redirect, and a page asked for before that would be answered with the sign-in page again.
     */
    public static void awaitSignedIn(WebDriver browser) {
        await(browser, Duration.ofSeconds(20)).until(d -> !String.valueOf(d.getCurrentUrl()).endsWith("/login"));
    }

    /** A Chromium whose {@code quit()} hands it back to the pool, signed out; {@link #end()} really ends it. */
    private static final class PooledChrome extends ChromeDriver {

        PooledChrome(ChromeDriverService service, ChromeOptions options) {
            super(service, options);
        }

        @Override
        public void quit() {
            if (reset()) {
                IDLE.push(this);
            } else {
                end();
            }
        }

        /** Leaves every page, signs out of every node and forgets what the last test set; false if it broke. */
        boolean reset() {
            try {
                List<String> windows = List.copyOf(getWindowHandles());
                for (String window : windows.subList(1, windows.size())) {
                    switchTo().window(window).close();
                }
                switchTo().window(windows.get(0));
                get("about:blank");
                executeCdpCommand("Network.clearBrowserCookies", Map.of());
                executeCdpCommand("Network.clearBrowserCache", Map.of());
                manage().window().setSize(new Dimension(1366, 900));
                manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
                return true;
            } catch (WebDriverException broken) {
                return false;
            }
        }

        void end() {
            try {
                super.quit();
            } catch (WebDriverException alreadyGone) {
                // nothing left to end
            }
        }
    }
}
