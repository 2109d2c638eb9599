package dev.afterimage.evidence.stamp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.afterimage.hash.Sha256;
import dev.afterimage.source.http.WebClient;
import dev.afterimage.testkit.FixedFetchConfig;
import dev.afterimage.testkit.TestTsa;
import dev.afterimage.testkit.TestTsaTransformer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asking a time-stamping authority made in the test (Bouncy Castle behind WireMock): a good reply is kept and
 * verifies with {@code openssl ts}; an outage, a reply about another hash, a forged signature and garbage are
 * failures, never stamps.
 */
class TimeStampAuthorityTest {

    private static final TestTsa TSA = new TestTsa();

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1").extensions(new TestTsaTransformer(TSA)))
            .build();

    private static final String HEAD = Sha256.ofText("the chain's head");

    private final TimeStampAuthority authority = new TimeStampAuthority(
            new WebClient(FixedFetchConfig.forLocalServer(), Clock.systemUTC()), new Settings(List.of()));

    @TempDir
    Path dir;

    private static String url() {
        return "http://127.0.0.1:" + server.getPort() + "/tsr";
    }

    private void tsaAnswers(TestTsa.Fault fault) {
        server.stubFor(post("/tsr")
                .withHeader("Content-Type", containing("application/timestamp-query"))
                .willReturn(aResponse()
                        .withTransformers(TestTsaTransformer.NAME)
                        .withTransformerParameter("fault", fault.name())));
    }

    @Test
    void grantedStampIsKeptAsReceivedAndVerifiesWithOpensslTs() throws Exception {
        tsaAnswers(TestTsa.Fault.NONE);
        Instant before = Instant.now().minusSeconds(1);

        StampReply.Stamped stamped = assertInstanceOf(StampReply.Stamped.class, authority.stamp(url(), HEAD));

        assertFalse(stamped.genTime().isBefore(before.truncatedTo(ChronoUnit.SECONDS)), "genTime is now");
        assertTrue(stamped.tsaSubject().contains("CN=Test TSA"));
        server.verify(1, postRequestedFor(urlEqualTo("/tsr")));
        Path token = Files.write(dir.resolve("1.tsr"), stamped.response());
        Path root = Files.writeString(dir.resolve("root.pem"), TSA.rootPem());
        OpensslRun verify =
                openssl("ts", "-verify", "-digest", HEAD, "-in", token.toString(), "-CAfile", root.toString());
        assertEquals(0, verify.exitCode(), verify.output());
        assertTrue(verify.output().contains("Verification: OK"), verify.output());

        OpensslRun otherDigest = openssl(
                "ts",
                "-verify",
                "-digest",
                Sha256.ofText("another head"),
                "-in",
                token.toString(),
                "-CAfile",
                root.toString());
        assertTrue(otherDigest.exitCode() != 0, "openssl refuses the token for another digest");
    }

    @Test
    void tsaOutageIsAFailureNotAStamp() throws IOException {
        server.stubFor(post("/tsr").willReturn(aResponse().withStatus(503)));
        assertTrue(assertInstanceOf(StampReply.Failed.class, authority.stamp(url(), HEAD))
                .reason()
                .contains("HTTP 503"));

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertInstanceOf(StampReply.Failed.class, authority.stamp("http://127.0.0.1:" + closedPort + "/tsr", HEAD));
    }

    @Test
    void stampOnAnotherHashIsRefused() {
        tsaAnswers(TestTsa.Fault.WRONG_IMPRINT);
        StampReply.Failed failed = assertInstanceOf(StampReply.Failed.class, authority.stamp(url(), HEAD));
        assertTrue(failed.reason().contains("does not answer our request"), failed.reason());
    }

    @Test
    void stampWithABadSignatureIsRefused() {
        tsaAnswers(TestTsa.Fault.BAD_SIGNATURE);
        StampReply.Failed failed = assertInstanceOf(StampReply.Failed.class, authority.stamp(url(), HEAD));
        assertTrue(failed.reason().contains("does not verify"), failed.reason());
    }

    @Test
    void garbageAnswerIsRefused() {
        tsaAnswers(TestTsa.Fault.GARBAGE);
        StampReply.Failed failed = assertInstanceOf(StampReply.Failed.class, authority.stamp(url(), HEAD));
        assertTrue(failed.reason().contains("not a time-stamp response"), failed.reason());
    }

    @Test
    void tsaOnAPrivateAddressIsRefusedByTheAddressPolicy() {
        tsaAnswers(TestTsa.Fault.NONE);
        FixedFetchConfig local = FixedFetchConfig.forLocalServer();
        FixedFetchConfig publicOnly = new FixedFetchConfig(
                local.connectTimeout(),
                local.readTimeout(),
                local.pageCallTimeout(),
                local.mediaCallTimeout(),
                local.maxPageBytes(),
                local.maxMediaBytes(),
                false,
                local.userAgent(),
                local.defaultRetryAfter(),
                local.maxRetryAfter());
        TimeStampAuthority guarded =
                new TimeStampAuthority(new WebClient(publicOnly, Clock.systemUTC()), new Settings(List.of()));

        StampReply.Failed failed = assertInstanceOf(StampReply.Failed.class, guarded.stamp(url(), HEAD));

        assertTrue(failed.reason().contains("private or loopback"), failed.reason());
        server.verify(0, postRequestedFor(urlEqualTo("/tsr")));
    }

    private record OpensslRun(int exitCode, String output) {}

    private static OpensslRun openssl(String... arguments) throws IOException, InterruptedException {
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/openssl"))
                        || Files.isExecutable(Path.of("/usr/local/bin/openssl")),
                "the openssl CLI is not installed: skipping the openssl ts check");
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "openssl did not finish");
        return new OpensslRun(process.exitValue(), output);
    }

    /** The time-stamp settings, as configured. */
    record Settings(List<String> urls) implements TimestampConfig {
        @Override
        public Optional<List<String>> tsaUrls() {
            return Optional.of(urls);
        }

        @Override
        public Duration stampEvery() {
            return Duration.ofMinutes(10);
        }

        @Override
        public Duration retryAfter() {
            return Duration.ofMinutes(2);
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(5);
        }

        @Override
        public Duration checkEvery() {
            return Duration.ofSeconds(15);
        }
    }
}
