package dev.afterimage.web.console;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.testkit.HeadlessChromium;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.TelegramScenario;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's main flows in a real browser against a fake Telegram channel: add a channel, poll it, watch a
 * deletion arrive in the live feed, read the diff of an edit, add a webhook. Each test leaves a screenshot in
 * target/screenshots/.
 */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class ConsoleBrowserTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @TestHTTPResource("/")
    URL base;

    private HeadlessChromium browser;
    private TelegramScenario scenario;

    @BeforeEach
    void openBrowser() {
        Assumptions.assumeTrue(
                HeadlessChromium.installed(),
                "browser tests skipped: /usr/bin/chromium and /usr/bin/chromedriver are needed"
                        + " (apt-get install -y chromium chromium-driver; .ci/run installs them)");
        scenario = new TelegramScenario(wireMock, clock);
        browser = HeadlessChromium.open(1280, 900);
    }

    @AfterEach
    void screenshotAndClose(TestInfo test) {
        if (browser != null) {
            browser.screenshot(test.getTestMethod().orElseThrow().getName());
            browser.close();
        }
    }

    @Test
    void channelAddedThroughTheFormIsPolledFromItsPage() {
        scenario.post(1, Duration.ofHours(2), "Morning briefing");
        scenario.post(2, Duration.ofHours(1), "Evening statement");
        scenario.channel.install(wireMock);

        open("/console/accounts/new");
        WebElement url = browser.driver.findElement(By.id("url"));
        url.sendKeys("https://t.me/s/" + scenario.channel.channel());
        browser.waiting.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("detected"), "Detected: telegram account @" + scenario.channel.channel()));
        browser.driver.findElement(By.id("label")).sendKeys("Ministry");
        browser.driver.findElement(By.id("interval")).sendKeys("120");
        browser.driver.findElement(By.cssSelector("button[value=save]")).click();
        browser.waiting.until(ExpectedConditions.urlMatches("/console/accounts/\\d+"));
        browser.driver.findElement(By.id("poll-now")).click();

        browser.waiting.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".notice"), "Polled: read in full, 2 new posts"));
        String page = browser.driver.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("Morning briefing"), page);
        assertTrue(page.contains("every 2 minutes"), page);
    }

    @Test
    void deletionAppearsInTheLiveFeedWithoutReload() {
        scenario.post(1, Duration.ofHours(2), "Will be deleted");
        scenario.post(2, Duration.ofHours(1), "Stays");
        scenario.watch();
        scenario.poll();
        scenario.advance(MINUTE);
        scenario.poll();

        open("/console");
        browser.waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feed-status"), "Live"));
        browser.driver.executeScript("window.sameDocument = true;");
        scenario.channel.delete(1);
        scenario.advance(MINUTE);
        scenario.poll();

        WebElement item = browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//ol[@id='feed']/li[contains(., 'Post deleted') and contains(., '/"
                        + scenario.channel.channel() + "/1')]")));
        assertTrue(item.getAttribute("class").contains("alarm"));
        assertEquals(
                "Will be deleted",
                item.findElement(By.className("feed-snippet")).getText());
        assertEquals(Boolean.TRUE, browser.driver.executeScript("return window.sameDocument === true;"));
    }

    @Test
    void diffOfAnEditedPostShowsTheChangedWords() {
        scenario.post(7, Duration.ofMinutes(30), "The convoy was seen near the border");
        scenario.watch();
        scenario.poll();
        scenario.channel.edit(7, "The convoy was seen far from the border");
        scenario.advance(MINUTE);
        scenario.poll();

        open("/console/accounts/" + scenario.accountId() + "?state=edited");
        browser.driver.findElement(By.cssSelector(".posts a")).click();
        browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("diff")));
        new Select(browser.driver.findElement(By.id("from"))).selectByValue("1");
        new Select(browser.driver.findElement(By.id("to"))).selectByValue("2");
        browser.driver.findElement(By.cssSelector("#diff button")).click();

        browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".diff-inline del")));
        assertEquals("near", text(".diff-inline del"));
        assertEquals("far from", text(".diff-inline ins"));
        assertEquals("near", text(".diff-before del"));
        assertEquals("far from", text(".diff-after ins"));
        browser.driver.executeScript("document.getElementById('diff').scrollIntoView();");
    }

    @Test
    void aSwappedPictureShowsBeforeAndAfterNextToEachOther() {
        scenario.post(9, Duration.ofMinutes(30), "Damage at the depot").photo(scenario.picture("before", 21));
        scenario.watch();
        scenario.poll();
        scenario.channel
                .message(9)
                .clearMedia()
                .photo(scenario.picture("after", 22))
                .edited();
        scenario.advance(MINUTE);
        scenario.poll();

        open("/console/posts/" + scenario.postByPlatformId(9).getLong("post.id") + "#diff");
        browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".media-change")));
        WebElement before = browser.driver.findElement(By.cssSelector(".media-before img"));
        WebElement after = browser.driver.findElement(By.cssSelector(".media-after img"));
        browser.driver.executeScript("arguments[0].scrollIntoView();", before);
        browser.waiting.until(driver -> loaded(before) && loaded(after));
        assertTrue(
                before.getRect().getX() + before.getRect().getWidth()
                        <= after.getRect().getX(),
                "side by side");
        assertEquals(before.getRect().getY(), after.getRect().getY(), "on one line");
        assertTrue(text(".media-before h4").startsWith("Before"));
        assertTrue(text(".media-after h4").startsWith("After"));
    }

    @Test
    void deletionsPageFiltersByKindAndShowsThePicture() {
        scenario.post(11, Duration.ofHours(2), "Irrefutable evidence").photo(scenario.picture("evidence", 23));
        scenario.post(12, Duration.ofHours(1), "Figures for the harvest");
        scenario.watchInGroup("Browser ministry");
        scenario.poll();
        scenario.channel.delete(11);
        scenario.channel.edit(12, "Corrected figures for the harvest");
        scenario.advance(MINUTE);
        scenario.poll();

        open("/console");
        browser.driver.findElement(By.linkText("Deletions and edits")).click();
        new Select(browser.driver.findElement(By.id("group"))).selectByVisibleText("Browser ministry");
        for (WebElement kind : browser.driver.findElements(By.name("type"))) {
            if (!kind.getAttribute("value").equals("deleted") && kind.isSelected()) {
                kind.click();
            }
        }
        WebElement deleted = browser.driver.findElement(By.cssSelector("input[name=type][value=deleted]"));
        if (!deleted.isSelected()) {
            deleted.click();
        }
        browser.driver.findElement(By.cssSelector(".changes-filters button")).click();

        browser.waiting.until(ExpectedConditions.urlContains("type=deleted"));
        List<WebElement> rows = browser.driver.findElements(By.cssSelector(".changes li"));
        assertEquals(1, rows.size(), "only the deletion");
        assertTrue(
                rows.getFirst().getText().contains("Irrefutable evidence"),
                rows.getFirst().getText());
        WebElement thumbnail = rows.getFirst().findElement(By.cssSelector("img.thumb"));
        browser.waiting.until(driver -> loaded(thumbnail));
        assertEquals(64, thumbnail.getRect().getWidth());
        assertTrue(browser.driver
                .findElement(By.id("export-csv"))
                .getAttribute("href")
                .contains("type=deleted"));
    }

    @Test
    void activityChartDrawsADaysBarsWithTheirCounts() {
        scenario.post(13, Duration.ofHours(2), "One");
        scenario.post(14, Duration.ofHours(1), "Two");
        scenario.watch();
        scenario.poll();
        scenario.channel.delete(13);
        scenario.advance(MINUTE);
        scenario.poll();

        open("/console/accounts/" + scenario.accountId());
        WebElement chart = browser.waiting.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("svg#activity-account")));
        browser.driver.executeScript("arguments[0].scrollIntoView();", chart);
        assertTrue(
                chart.getRect().getWidth() > 300,
                "drawn at a readable size: " + chart.getRect().getWidth());
        List<WebElement> deletions = chart.findElements(By.cssSelector("g[data-series=deletions] rect"));
        assertEquals(1, deletions.size());
        assertTrue(deletions.getFirst().getRect().getHeight() > 10, "the day's bar is visible");
        assertTrue(
                chart.findElement(By.tagName("title"))
                        .getAttribute("textContent")
                        .contains("1 deletion"),
                "the chart says its totals to screen readers");
    }

    private boolean loaded(WebElement image) {
        Object width =
                browser.driver.executeScript("return arguments[0].complete && arguments[0].naturalWidth;", image);
        return width instanceof Number number && number.longValue() > 0;
    }

    @Test
    void webhookAddedInTheConsoleShowsItsSecretOnceAndSendsATest() {
        wireMock.stubFor(post(urlPathEqualTo("/hooks/browser")).willReturn(ok()));

        open("/console/webhooks");
        browser.driver.findElement(By.id("hook-url")).sendKeys(wireMock.baseUrl() + "/hooks/browser");
        browser.driver
                .findElement(By.cssSelector("input[name=events][value=POST_DELETED]"))
                .click();
        browser.driver
                .findElement(By.cssSelector("#add-heading + form button[type=submit]"))
                .click();

        WebElement secret = browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret")));
        String value = secret.getAttribute("value");
        assertTrue(value.length() > 20, value);
        browser.driver.findElement(By.cssSelector("button[data-copy]")).click();
        browser.screenshot("webhookSecretShownOnce");
        browser.driver
                .findElement(By.linkText(wireMock.baseUrl() + "/hooks/browser"))
                .click();
        assertFalse(browser.driver.getPageSource().contains(value), "the secret is shown only once");
        browser.driver.findElement(By.xpath("//button[.='Send test']")).click();
        browser.waiting.until(
                ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Test message queued"));
        browser.reloadUntil("main", "DELIVERED");
    }

    @Test
    void dashboardFitsAPhoneAndIsKeyboardNavigable() {
        scenario.post(1, Duration.ofHours(1), "Statement");
        scenario.watch();
        scenario.poll();
        browser.close();
        browser = HeadlessChromium.open(390, 844);

        open("/console");
        Object overflow = browser.driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, ((Number) overflow).longValue(), "no sideways scrolling at phone width");
        browser.driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertEquals(
                "Skip to content", browser.driver.switchTo().activeElement().getText());
        WebElement time = browser.driver.findElement(By.cssSelector("table time"));
        assertTrue(time.getAttribute("title").endsWith(" UTC"), time.getAttribute("title"));
        assertTrue(time.getText().contains("GMT+9"), "shown in the viewer's zone (Tokyo): " + time.getText());
    }

    private void open(String path) {
        browser.driver.get(base.toString().replaceFirst("/$", "") + path);
    }

    private String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }
}
