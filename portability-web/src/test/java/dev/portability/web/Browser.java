package dev.portability.web;

import static org.assertj.core.api.Assertions.fail;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by Selenium, for the page's browser tests: Debian's {@code chromium} and
 * {@code chromium-driver}, both paths given explicitly (so Selenium Manager never runs and nothing is downloaded),
 * a new empty profile, downloads into a folder of the test's, screenshots under {@code target/browser-screenshots/},
 * and the axe-core accessibility check at WCAG 2.2 AA.
 *
 * <p>Without Chromium or ChromeDriver the test is skipped with the reason; under CI ({@code CI=true}) it fails.
 * {@code PORTABILITY_CHROMIUM} and {@code PORTABILITY_CHROMEDRIVER} name other binaries.
 */
public final class Browser implements AutoCloseable {

    /** The axe-core rule sets checked: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
    public static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /** Where screenshots go, for people to look at. */
    public static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private final ChromeDriver driver;
    private final Path downloads;
    private final Path profile;

    private Browser(ChromeDriver driver, Path downloads, Path profile) {
        this.driver = driver;
        this.downloads = downloads;
        this.profile = profile;
    }

    /** @return the Chromium binary: {@code PORTABILITY_CHROMIUM}, else {@code /usr/bin/chromium} */
    static Path chromium() {
        return binary("PORTABILITY_CHROMIUM", "/usr/bin/chromium");
    }

    /** @return the ChromeDriver binary: {@code PORTABILITY_CHROMEDRIVER}, else {@code /usr/bin/chromedriver} */
    static Path chromeDriver() {
        return binary("PORTABILITY_CHROMEDRIVER", "/usr/bin/chromedriver");
    }

    private static Path binary(String variable, String fallback) {
        String value = System.getenv(variable);
        return Path.of(value == null || value.isBlank() ? fallback : value);
    }

    /**
     * Starts headless Chromium, or skips the test (fails it under CI) when Chromium or ChromeDriver is missing.
     *
     * @param downloads the folder downloads land in (created)
     * @return the browser, with a 1280 × 1000 window
     */
    public static Browser start(Path downloads) {
        Path chromium = chromium();
        Path driverBinary = chromeDriver();
        for (Path binary : List.of(chromium, driverBinary)) {
            if (!Files.isExecutable(binary)) {
                String reason = "the browser tests need Debian's chromium and chromium-driver (apt-get install "
                        + "chromium chromium-driver); " + binary + " is missing";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    fail("CI=true and " + reason);
                }
                Assumptions.abort(reason);
            }
        }
        try {
            Files.createDirectories(downloads);
            Files.createDirectories(SCREENSHOTS);
            Path profile = Files.createTempDirectory("portability-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            // the flags known to work on a closed network: no background connections, no first-run work
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1000",
                    "--lang=en-US");
            Map<String, Object> prefs = new HashMap<>();
            prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
            prefs.put("download.prompt_for_download", false);
            prefs.put("safebrowsing.enabled", false);
            options.setExperimentalOption("prefs", prefs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(driverBinary.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            // headless Chromium saves downloads only when told where
            driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                    downloads.toAbsolutePath().toString()));
            return new Browser(driver, downloads, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the driver */
    public ChromeDriver driver() {
        return driver;
    }

    /** @return the folder downloads land in */
    public Path downloads() {
        return downloads;
    }

    /**
     * @param selector a CSS selector
     * @return the element
     */
    public WebElement find(String selector) {
        return driver.findElement(By.cssSelector(selector));
    }

    /**
     * @param selector a CSS selector
     * @return the elements
     */
    public List<WebElement> findAll(String selector) {
        return driver.findElements(By.cssSelector(selector));
    }

    /**
     * Waits up to 30 seconds for a condition.
     *
     * @param what what is awaited, for the failure message
     * @param condition the condition: non-null and not false when met
     * @param <T> the condition's value
     * @return the condition's value
     */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(50)).withMessage(what)
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /**
     * Runs JavaScript in the page.
     *
     * @param script the script
     * @param args its arguments
     * @return what it returned
     */
    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Drops a file onto an element the way a user's drag from the desktop does: dragenter, dragover and drop
     * events whose {@code DataTransfer} holds the file.
     *
     * @param selector the drop target
     * @param fileName the file's name
     * @param bytes its content
     */
    public void drop(String selector, String fileName, byte[] bytes) {
        script("const target = document.querySelector(arguments[0]);"
                + "const bytes = Uint8Array.from(atob(arguments[2]), c => c.charCodeAt(0));"
                + "const transfer = new DataTransfer();"
                + "transfer.items.add(new File([bytes], arguments[1], {type: 'application/zip'}));"
                + "for (const type of ['dragenter', 'dragover', 'drop']) {"
                + "  target.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: transfer}));"
                + "}", selector, fileName, Base64.getEncoder().encodeToString(bytes));
    }

    /**
     * Slows the browser's uploads down (Chromium's network emulation), so that a test sees an upload in progress.
     *
     * @param bytesPerSecond the upload speed, or -1 for no limit
     */
    public void throttleUploads(long bytesPerSecond) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", bytesPerSecond));
    }

    /**
     * Checks the page as it is now with axe-core against WCAG 2.2 AA, and fails listing every violation.
     *
     * @param state the page's state, for the failure message
     */
    public void assertAccessible(String state) {
        Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(driver);
        if (results.isErrored()) {
            fail("axe-core could not check the page (" + state + "): " + results.getErrorMessage());
        }
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            StringBuilder text = new StringBuilder("axe-core found " + violations.size() + " WCAG 2.2 AA "
                    + "violation(s) in state '" + state + "':");
            for (Rule rule : violations) {
                text.append("\n- ").append(rule.getId()).append(" (").append(rule.getImpact()).append("): ")
                        .append(rule.getHelp());
                for (CheckedNode node : rule.getNodes()) {
                    text.append("\n    ").append(node.getTarget()).append(": ").append(node.getFailureSummary());
                }
            }
            fail(text.toString());
        }
    }

    /**
     * Saves a screenshot of the whole page (not only the window) under {@link #SCREENSHOTS}.
     *
     * @param name the file name without {@code .png}
     * @return the file
     */
    public Path screenshot(String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> shot = (Map<String, Object>) (Map<?, ?>) driver.executeCdpCommand(
                "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("deleting the browser profile " + root + " failed", e);
        }
    }
}
