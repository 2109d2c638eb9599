package dev.afterimage.source.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.afterimage.source.http.WebClient;
import dev.afterimage.testkit.FakeJetstream;
import dev.afterimage.testkit.FixedFetchConfig;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The Jetstream client against an in-process WebSocket server: filtering, reporting, and resuming after a drop. */
class JetstreamTest {

    private static final WebClient WEB = new WebClient(FixedFetchConfig.forLocalServer(), Clock.systemUTC());

    private static final String WATCHED = "did:plc:iijrtk7ocored6zuziwmqq3c";
    private static final String OTHER = "did:plc:kvwvcn5iqfooopmyzvb4qzba";

    @Test
    void commitEventIsRead() {
        Optional<JetstreamEvent> event = JetstreamEvent.parse(
                new ObjectMapper(),
                "{\"did\":\"" + WATCHED + "\",\"time_us\":1725911162329308,\"kind\":\"commit\",\"commit\":"
                        + "{\"rev\":\"3l3qo2vutsw2b\",\"operation\":\"delete\",\"collection\":\"app.bsky.feed.post\","
                        + "\"rkey\":\"3l3qo2vuowo2b\"}}");

        assertEquals(
                Optional.of(new JetstreamEvent(
                        WATCHED, 1725911162329308L, "commit", "delete", "app.bsky.feed.post", "3l3qo2vuowo2b")),
                event);
        assertEquals(Optional.empty(), JetstreamEvent.parse(new ObjectMapper(), "not json"));
        assertEquals(Optional.empty(), JetstreamEvent.parse(new ObjectMapper(), "{\"kind\":\"commit\"}"));
    }

    @Test
    void followedDidsAreSubscribedToAndTheirEventsReported() throws Exception {
        BlockingQueue<JetstreamEvent> heard = new LinkedBlockingQueue<>();
        try (FakeJetstream server = new FakeJetstream();
                JetstreamClient client = new JetstreamClient(server.url(), WEB, heard::add)) {
            client.follow(Set.of(WATCHED));
            HttpUrl subscription = server.nextSubscription(10);
            server.pushCommit(OTHER, 1, "delete", "3a");
            server.pushCommit(WATCHED, 2, "delete", "3b");

            JetstreamEvent event = heard.poll(10, TimeUnit.SECONDS);

            assertEquals(List.of(WATCHED), subscription.queryParameterValues("wantedDids"));
            assertEquals("app.bsky.feed.post", subscription.queryParameter("wantedCollections"));
            assertNull(subscription.queryParameter("cursor"));
            assertEquals("3b", event.recordKey(), "only followed accounts are reported");
            assertTrue(client.connected());
        }
    }

    @Test
    void droppedStreamReconnectsFromTheLastEventHeard() throws Exception {
        BlockingQueue<JetstreamEvent> heard = new LinkedBlockingQueue<>();
        try (FakeJetstream server = new FakeJetstream();
                JetstreamClient client = new JetstreamClient(server.url(), WEB, heard::add)) {
            client.follow(Set.of(WATCHED));
            server.nextSubscription(10);
            server.pushCommit(WATCHED, 1725911162329308L, "create", "3b");
            heard.poll(10, TimeUnit.SECONDS);

            server.drop();
            HttpUrl resumed = server.nextSubscription(10);

            assertEquals("1725911162329308", resumed.queryParameter("cursor"));
            assertEquals(List.of(WATCHED), resumed.queryParameterValues("wantedDids"));
        }
    }

    @Test
    void urlThatIsNoWebSocketUrlIsRefusedNamingTheKey() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> new JetstreamClient("jetstream.example", WEB, event -> {}));

        assertTrue(refused.getMessage().contains("afterimage.platforms.bluesky.jetstream-url"), refused.getMessage());
    }

    @Test
    void noDidsMeansNoStreamAtAll() throws Exception {
        try (FakeJetstream server = new FakeJetstream();
                JetstreamClient client = new JetstreamClient(server.url(), WEB, event -> {})) {
            client.follow(Set.of(WATCHED));
            server.nextSubscription(10);

            client.follow(Set.of());

            assertFalse(client.connected(), "an unfiltered Jetstream would be the whole network");
            assertEquals(server.url() + "?wantedCollections=app.bsky.feed.post", client.subscriptionUrl());
        }
    }
}
