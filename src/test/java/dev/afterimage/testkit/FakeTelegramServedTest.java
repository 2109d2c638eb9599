package dev.afterimage.testkit;

import static dev.afterimage.testkit.FakeTelegramTest.MORNING;
import static dev.afterimage.testkit.FakeTelegramTest.embed;
import static dev.afterimage.testkit.FakeTelegramTest.ids;
import static dev.afterimage.testkit.FakeTelegramTest.landing;
import static dev.afterimage.testkit.FakeTelegramTest.listing;
import static dev.afterimage.testkit.FakeTelegramTest.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.afterimage.source.telegram.EmbedResult;
import dev.afterimage.source.telegram.LandingResult;
import dev.afterimage.source.telegram.ParsedListing;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FakeTelegram served from WireMock over HTTP, as the scenario tests use it. */
class FakeTelegramServedTest {

    private final FakeTelegram channel = new FakeTelegram("mod_russia", "Ministry of Defence").pageSize(2);
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private WireMockServer server;

    @BeforeEach
    void startServer() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void servesTheListingPagesTheirCursorsPointTo() throws Exception {
        LongStream.rangeClosed(1, 5).forEach(id -> channel.post(id, MORNING.plusSeconds(id), "Post " + id));
        channel.install(server);

        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            String path =
                    "/s/mod_russia" + cursor.map(before -> "?before=" + before).orElse("");
            ParsedListing.Listing page = listing(fetch(path).body());
            seen.addAll(ids(page));
            cursor = page.olderPageCursor();
        } while (cursor.isPresent());

        assertEquals(range(5, 1), seen);
    }

    @Test
    void servesTheCurrentStateAfterEachInstall() throws Exception {
        channel.post(10, MORNING, "Ten");
        channel.post(11, MORNING.plusSeconds(1), "Eleven");
        channel.install(server);
        assertInstanceOf(
                EmbedResult.Found.class, embed(fetch("/mod_russia/10?embed=1").body(), 10));

        channel.delete(10);
        channel.install(server);

        assertEquals(List.of("11"), ids(listing(fetch("/s/mod_russia").body())));
        assertEquals(
                new EmbedResult.NotFound("Post not found"),
                embed(fetch("/mod_russia/10?embed=1").body(), 10));
        assertEquals(
                new EmbedResult.NotFound("Post not found"),
                embed(fetch("/mod_russia/999?embed=1").body(), 999));
    }

    @Test
    void aCursorKeepsWorkingAfterItsMessageIsDeleted() throws Exception {
        LongStream.rangeClosed(1, 4).forEach(id -> channel.post(id, MORNING.plusSeconds(id), "Post " + id));
        channel.install(server);
        String cursor = listing(fetch("/s/mod_russia").body()).olderPageCursor().orElseThrow();

        channel.delete(Long.parseLong(cursor));
        channel.install(server);

        assertEquals(
                List.of("2", "1"),
                ids(listing(fetch("/s/mod_russia?before=" + cursor).body())));
    }

    @Test
    void goneChannelRedirectsToTheLandingOfANameNobodyHolds() throws Exception {
        channel.post(1, MORNING, "One");
        channel.setGone(true);
        channel.install(server);

        HttpResponse<byte[]> listing = fetch("/s/mod_russia");

        assertEquals(302, listing.statusCode());
        assertEquals(
                Optional.of(server.baseUrl() + "/mod_russia"), listing.headers().firstValue("Location"));
        assertInstanceOf(
                LandingResult.NoSuchAccount.class, landing(fetch("/mod_russia").body()));
        assertInstanceOf(
                EmbedResult.NotFound.class, embed(fetch("/mod_russia/1?embed=1").body(), 1));
    }

    private HttpResponse<byte[]> fetch(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
