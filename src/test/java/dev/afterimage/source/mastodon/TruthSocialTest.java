package dev.afterimage.source.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.afterimage.source.AccountRef;
import dev.afterimage.source.ListingResult;
import dev.afterimage.source.OnePost;
import dev.afterimage.source.PermalinkCheck;
import dev.afterimage.source.Platform;
import dev.afterimage.source.PostRef;
import dev.afterimage.source.http.WebClient;
import dev.afterimage.testkit.FixedFetchConfig;
import dev.afterimage.testkit.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Truth Social is a Mastodon fork and is watched as Mastodon ({@code truthsocial.com/@name} is
 * {@code name@truthsocial.com}); its quirks are the answers in front of the API: Cloudflare's challenge pages, rate
 * limits and login walls, which must all read as "unknown", never as a deletion.
 */
class TruthSocialTest {

    private static final AccountRef ACCOUNT = new AccountRef(Platform.MASTODON, "realdonaldtrump@truthsocial.com");
    private static final String LOOKUP = "/api/v1/accounts/lookup";
    private static final String STATUS = "/api/v1/statuses/113000000000000001";

    /** The interstitial Cloudflare serves while it checks a client ("Just a moment..."), with its header. */
    private static final ResponseDefinitionBuilder CHALLENGE = aResponse()
            .withStatus(403)
            .withHeader("Content-Type", "text/html; charset=UTF-8")
            .withHeader("cf-mitigated", "challenge")
            .withHeader("Server", "cloudflare")
            .withBody("<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title></head>"
                    + "<body><noscript>Enable JavaScript and cookies to continue</noscript></body></html>");

    @RegisterExtension
    static final WireMockExtension truth = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final MastodonSource source = new MastodonSource(
            new WebClient(FixedFetchConfig.forLocalServer().withReadTimeout(Duration.ofSeconds(5)), new MutableClock()),
            new MastodonConfig() {
                @Override
                public Optional<String> baseUrl() {
                    return Optional.of(truth.baseUrl());
                }

                @Override
                public boolean includeReblogs() {
                    return false;
                }
            });

    @Test
    void truthSocialProfileUrlIsAMastodonAccountOnTruthsocialCom() {
        MastodonNaming naming = new MastodonNaming();

        assertEquals(
                Optional.of("realdonaldtrump@truthsocial.com"),
                naming.handleFromProfileUrl(URI.create("https://truthsocial.com/@realDonaldTrump")));
        assertEquals(
                "https://truthsocial.com/@realdonaldtrump/113000000000000001",
                naming.canonicalPostUrl(ACCOUNT, "113000000000000001"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"challenge", "challenge200", "429", "401", "503", "cloudflare404"})
    void cloudflareRateLimitsAndLoginWallsAreUnknownNeverGone(String kind) {
        truth.stubFor(get(urlPathEqualTo(LOOKUP)).willReturn(answer(kind)));

        assertInstanceOf(ListingResult.Unknown.class, source.listing(ACCOUNT, Optional.empty()));
        assertInstanceOf(
                PermalinkCheck.Unknown.class,
                OnePost.check(source, ACCOUNT, new PostRef("113000000000000001", "https://truthsocial.com/@x/1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"challenge", "challenge200", "429", "401", "503", "cloudflare404"})
    void aStatusBehindCloudflareIsUnknownWhileTheAccountAnswers(String kind) {
        truth.stubFor(get(urlPathEqualTo(LOOKUP))
                .willReturn(json(200, "{\"id\":\"107780257626128497\",\"username\":\"realDonaldTrump\"}")));
        truth.stubFor(get(urlPathEqualTo(STATUS)).willReturn(answer(kind)));

        assertInstanceOf(
                PermalinkCheck.Unknown.class,
                OnePost.check(source, ACCOUNT, new PostRef("113000000000000001", "https://truthsocial.com/@x/1")));
    }

    @Test
    void theApisOwnNotFoundForAStatusOfALiveAccountIsGone() {
        truth.stubFor(get(urlPathEqualTo(LOOKUP))
                .willReturn(json(200, "{\"id\":\"107780257626128497\",\"username\":\"realDonaldTrump\"}")));
        truth.stubFor(get(urlPathEqualTo(STATUS)).willReturn(json(404, "{\"error\":\"Record not found\"}")));

        PermalinkCheck check =
                OnePost.check(source, ACCOUNT, new PostRef("113000000000000001", "https://truthsocial.com/@x/1"));
        assertInstanceOf(PermalinkCheck.Gone.class, check, check.toString());
    }

    private static ResponseDefinitionBuilder answer(String kind) {
        return switch (kind) {
            case "challenge" -> CHALLENGE;
            case "challenge200" ->
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><head><title>Just a moment...</title></head></html>");
            case "cloudflare404" ->
                aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "text/html")
                        .withHeader("Server", "cloudflare")
                        .withBody("<html><body>404 Not Found</body></html>");
            case "401" -> json(401, "{\"error\":\"This method requires an authenticated user\"}");
            case "429" -> json(429, "{\"error\":\"Too many requests\"}").withHeader("Retry-After", "1");
            default -> json(Integer.parseInt(kind), "{\"error\":\"busy\"}");
        };
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body);
    }
}
