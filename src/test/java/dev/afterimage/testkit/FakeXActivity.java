package dev.afterimage.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.concurrent.atomic.AtomicLong;

/**
 * X's Activity API as documented (docs.x.com/x-api/activity: quickstart, event payloads): the subscriptions list and
 * create, and the persistent stream, which here delivers each pushed batch of event lines once and then ends (the
 * client reopens it, as after any drop). Events use the documented envelope
 * {@code {"data":{"event_uuid","filter":{"user_id"},"event_type","tag","payload":{…}}}}.
 */
public final class FakeXActivity {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong EVENT_IDS = new AtomicLong(2_080_761_390_344_937_796L);
    private static final AtomicLong PUSHES = new AtomicLong();

    private final WireMockServer server;

    public FakeXActivity(WireMockServer server) {
        this.server = server;
        server.stubFor(get(urlPathEqualTo("/2/activity/subscriptions"))
                .willReturn(json("{\"data\":[],\"meta\":{\"total_subscriptions\":0}}")));
        server.stubFor(post(urlPathEqualTo("/2/activity/subscriptions"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":{\"subscription\":{\"subscription_id\":\"1146654567674912769\"}}}")));
        server.stubFor(get(urlPathEqualTo("/2/activity/stream"))
                .atPriority(10)
                .willReturn(aResponse().withStatus(200)));
    }

    /** The stream's next opening delivers these events, one per line, once. */
    public void push(String... eventLines) {
        String scenario = "x-activity-" + PUSHES.incrementAndGet();
        server.stubFor(get(urlPathEqualTo("/2/activity/stream"))
                .atPriority(1)
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("delivered")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(String.join("\r\n", eventLines) + "\r\n")));
    }

    /** A {@code post.create} or {@code post.delete} event of the documented shape. */
    public static String event(String type, String userId, long postId) {
        ObjectNode envelope = JSON.createObjectNode();
        ObjectNode data = envelope.putObject("data");
        data.put("event_uuid", String.valueOf(EVENT_IDS.incrementAndGet()));
        data.putObject("filter").put("user_id", userId);
        data.put("event_type", type).put("tag", "afterimage");
        data.putObject("payload").put("id", String.valueOf(postId)).put("author_id", userId);
        return envelope.toString();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
