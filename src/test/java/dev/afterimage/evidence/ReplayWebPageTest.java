package dev.afterimage.evidence;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.afterimage.testkit.EvidencePackage;
import dev.afterimage.testkit.HeadlessChromium;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.WarcReaders;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Webrecorder's ReplayWeb.page, a viewer we did not write, opens a downloaded evidence package in headless Chromium
 * and shows the archived post: the package is replayable, not only well-formed. ReplayWeb.page's prebuilt files come
 * from {@code npm pack replaywebpage} ({@code .ci/run} unpacks them into the npm cache beside warcio).
 */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class ReplayWebPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Loading the viewer, its service worker and the package on a loaded CI machine; it shows the post in seconds.
     * On a loaded machine the viewer's first load has been seen to stay blank (its service worker not yet serving the
     * page), so a blank viewer is loaded again, as a user would, before the test gives up.
     */
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private static final int LOADS = 3;

    private static final Map<String, String> TYPES = Map.of(
            ".html", "text/html; charset=utf-8",
            ".js", "application/javascript",
            ".wacz", "application/wacz");

    /**
     * The text of the replayed capture: the frames the viewer's service worker serves from its archive ({@code
     * /replay/w/…}), found through the shadow roots and frames the viewer nests them in. The viewer's own captions
     * (page titles) are left out, so only the archived bytes can show the post.
     */
    private static final String REPLAYED_TEXT =
            """
            const texts = [];
            const visit = (root) => {
              for (const element of root.querySelectorAll('*')) {
                if (element.shadowRoot) visit(element.shadowRoot);
                if (element.tagName === 'IFRAME') {
                  let inner = null;
                  try { inner = element.contentDocument; } catch (e) { inner = null; }
                  if (inner && inner.documentElement) {
                    if (inner.location.pathname.startsWith('/replay/w/')) {
                      texts.push(inner.documentElement.textContent || '');
                    }
                    visit(inner);
                  }
                }
              }
            };
            visit(document);
            return texts.join('\\n');
            """;

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    @Test
    void replayWebPageShowsTheEditedPostFromItsEvidencePackage() throws Exception {
        assumeTrue(
                HeadlessChromium.installed(),
                "ReplayWeb.page test skipped: /usr/bin/chromium and /usr/bin/chromedriver are needed"
                        + " (apt-get install -y chromium chromium-driver; .ci/run installs them)");
        Path viewer = WarcReaders.npmCache().resolve("replaywebpage").resolve("package");
        assumeTrue(
                Files.isRegularFile(viewer.resolve("ui.js")) && Files.isRegularFile(viewer.resolve("sw.js")),
                "ReplayWeb.page test skipped: " + viewer
                        + " has no ui.js and sw.js (npm pack replaywebpage@2.5.3 and unpack it there; .ci/run does)");

        EvidencePackage evidence = EvidencePackage.ofEditedAndDeletedPost(wireMock, clock);
        JsonNode page = pageShowing(evidence, EvidencePackage.EDITED_TEXT);

        Path site = Files.createTempDirectory("afterimage-replay-");
        Files.write(site.resolve("post.wacz"), evidence.wacz());
        Files.writeString(site.resolve("index.html"), embedding(page), StandardCharsets.UTF_8);
        HttpServer server = serve(site, viewer);
        try (HeadlessChromium browser = HeadlessChromium.open(1280, 900)) {
            String address = "http://localhost:" + server.getAddress().getPort() + "/index.html";
            boolean shown = false;
            for (int load = 1; load <= LOADS && !shown; load++) {
                browser.driver.get(address);
                shown = showsWithinPatience(browser, EvidencePackage.EDITED_TEXT);
            }
            if (!shown) {
                browser.screenshot("replaywebpage-failed");
            }
            assertTrue(
                    shown,
                    "ReplayWeb.page did not show the post's text in " + LOADS + " loads; it showed:\n"
                            + replayedText(browser));
            browser.screenshot("replaywebpage-post");
        } finally {
            server.stop(0);
        }
    }

    private static boolean showsWithinPatience(HeadlessChromium browser, String text) {
        try {
            new WebDriverWait(browser.driver, PATIENCE)
                    .until(driver -> replayedText(browser).contains(text));
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** The page of pages.jsonl whose capture shows the given text: the listing as it was fetched at that version. */
    private static JsonNode pageShowing(EvidencePackage evidence, String text) throws IOException {
        byte[] warc = evidence.files().get("archive/data.warc.gz");
        assertTrue(warc != null && warc.length > 0, "the package holds a WARC");
        List<String> lines = new String(evidence.files().get("pages/pages.jsonl"), StandardCharsets.UTF_8)
                .lines()
                .toList();
        JsonNode chosen = null;
        for (String line : lines.subList(1, lines.size())) {
            JsonNode candidate = JSON.readTree(line);
            if (candidate.path("title").asText().endsWith("(version 2)")) {
                chosen = candidate;
            }
        }
        assertTrue(chosen != null, "pages.jsonl lists the second version's capture: " + lines);
        assertTrue(
                !chosen.path("url").asText().isBlank()
                        && !chosen.path("ts").asText().isBlank(),
                "a page names the URL and time of its capture: " + chosen);
        return chosen;
    }

    private static String embedding(JsonNode page) {
        String ts = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                .withZone(ZoneOffset.UTC)
                .format(Instant.parse(page.path("ts").asText()));
        return """
                <!doctype html>
                <html>
                  <head><meta charset="utf-8"><script src="/ui.js"></script></head>
                  <body>
                    <replay-web-page style="display:block;height:800px" source="/post.wacz" url="%s" ts="%s"
                        replayBase="/replay/" embed="replayonly"></replay-web-page>
                  </body>
                </html>
                """
                .formatted(page.path("url").asText(), ts);
    }

    /**
     * A static server on loopback: the embedding page, the viewer's files ({@code sw.js} under {@code /replay/}, where
     * it registers its service worker) and the package, with byte ranges, which the viewer uses to read the WACZ.
     */
    private static HttpServer serve(Path site, Path viewer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // One thread per exchange: the viewer reads the package in parallel ranges and may leave one unread, which on
        // the server's single default thread would hold every other request behind it.
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                Path file =
                        switch (path) {
                            case "/ui.js" -> viewer.resolve("ui.js");
                            case "/replay/sw.js" -> viewer.resolve("sw.js");
                            case "/index.html", "/post.wacz" -> site.resolve(path.substring(1));
                            default -> null;
                        };
                if (file == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                send(exchange, file);
            }
        });
        server.start();
        return server;
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private static void send(HttpExchange exchange, Path file) throws IOException {
        byte[] body = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.')), "application/octet-stream");
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        int status = 200;
        int from = 0;
        int to = body.length - 1;
        String range = exchange.getRequestHeaders().getFirst("Range");
        Matcher asked = range == null ? null : RANGE.matcher(range);
        if (asked != null && asked.matches()) {
            from = Integer.parseInt(asked.group(1));
            to = asked.group(2).isEmpty() ? body.length - 1 : Math.min(Integer.parseInt(asked.group(2)), to);
            status = 206;
            exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + body.length);
        }
        int length = Math.max(0, to - from + 1);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.getResponseHeaders().set("Content-Length", String.valueOf(length));
        exchange.sendResponseHeaders(status, head ? -1 : length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body, from, length);
            }
        }
    }

    private static String replayedText(HeadlessChromium browser) {
        Object text = browser.driver.executeScript(REPLAYED_TEXT);
        return text == null ? "" : text.toString();
    }
}
