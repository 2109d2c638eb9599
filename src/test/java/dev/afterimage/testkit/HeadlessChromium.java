package dev.afterimage.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver, named explicitly so Selenium never goes looking
 * for drivers online. Absent on a fresh machine: {@code .ci/run} installs both, and tests skip without them.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final String VIEWER_TIME_ZONE = "Asia/Tokyo";

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Long enough for a poll and a feed tick on a loaded CI machine; a passing step takes well under a second. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    public final ChromeDriver driver;
    public final WebDriverWait waiting;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        // An element of a page that a click or a reload has since replaced is reported by Chrome as an "unknown error"
        // (the node "does not belong to the document"), not as a stale element: a wait that meets it looks again.
        this.waiting = new WebDriverWait(driver, PATIENCE);
        this.waiting.ignoring(WebDriverException.class);
    }

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static HeadlessChromium open(int width, int height) {
        Path profile;
        try {
            profile = Files.createTempDirectory("afterimage-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                // A viewer far from UTC, so a time shown in UTC instead of the viewer's zone cannot pass unseen.
                .withEnvironment(Map.of("TZ", VIEWER_TIME_ZONE))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        return new HeadlessChromium(driver, profile);
    }

    /**
     * Reloads the page until the element named by {@code selector} contains {@code text}. The text is read by one
     * script in the loaded document, so no element outlives the reload that replaced its document.
     */
    public void reloadUntil(String selector, String text) {
        waiting.until(browser -> {
            browser.navigate().refresh();
            Object shown = driver.executeScript(
                    "const e = document.querySelector(arguments[0]); return e ? e.innerText : '';", selector);
            return shown instanceof String string && string.contains(text);
        });
    }

    /** Saves what the browser shows as target/screenshots/{name}.png. */
    public void screenshot(String name) {
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
