package dev.afterimage.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook endpoint on WireMock that answers as told and keeps what it received. It checks signatures with its
 * own few lines of HMAC, as a receiver would, not with the service's code.
 */
public final class RecordingWebhookReceiver {

    private static final AtomicInteger RECEIVERS = new AtomicInteger();

    private final WireMockServer server;
    private final String path;
    private StubMapping answer;

    public RecordingWebhookReceiver(WireMockServer server) {
        this.server = server;
        this.path = "/hooks/receiver-" + RECEIVERS.incrementAndGet() + "-" + System.nanoTime();
        answer(aResponse().withStatus(204));
    }

    public String url() {
        return server.baseUrl() + path;
    }

    /** From now on every request is answered so. */
    public void answer(ResponseDefinitionBuilder response) {
        if (answer != null) {
            server.removeStub(answer);
        }
        answer = server.stubFor(post(urlPathEqualTo(path)).willReturn(response));
    }

    /** A request as the endpoint got it. */
    public record Received(
            String id,
            String timestamp,
            String signature,
            String userAgent,
            String contentType,
            String body,
            Instant receivedAt) {}

    public List<Received> received() {
        return server.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .map(RecordingWebhookReceiver::received)
                .toList();
    }

    /** Waits (in real time) until at least {@code count} requests came. */
    public List<Received> await(int count) {
        awaitCondition(
                Duration.ofSeconds(20),
                () -> received().size() >= count,
                "never got " + count + " requests at " + path);
        return received();
    }

    /** Verifies a request the way a receiver following Standard Webhooks does. */
    public static boolean signedWith(String secret, Received request) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1,"
                    + Base64.getEncoder()
                            .encodeToString(
                                    mac.doFinal((request.id() + "." + request.timestamp() + "." + request.body())
                                            .getBytes(StandardCharsets.UTF_8)));
            return List.of(request.signature().split(" ")).contains(expected);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void awaitCondition(Duration limit, BooleanSupplier condition, String failure) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(failure);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static Received received(LoggedRequest request) {
        return new Received(
                request.getHeader("webhook-id"),
                request.getHeader("webhook-timestamp"),
                request.getHeader("webhook-signature"),
                request.getHeader("User-Agent"),
                request.getHeader("Content-Type"),
                request.getBodyAsString(),
                request.getLoggedDate().toInstant());
    }
}
