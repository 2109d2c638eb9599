package dev.afterimage.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A Jetstream in the test process: every connection is upgraded to a WebSocket, the test sees each subscription
 * URL, pushes events down the open socket, and can drop it as a restarting Jetstream would.
 */
public final class FakeJetstream implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final BlockingQueue<HttpUrl> subscriptions = new LinkedBlockingQueue<>();
    private final BlockingQueue<WebSocket> opened = new LinkedBlockingQueue<>();
    private volatile WebSocket socket;

    public FakeJetstream() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                subscriptions.add(request.getUrl());
                return new MockResponse.Builder()
                        .webSocketUpgrade(new WebSocketListener() {
                            @Override
                            public void onOpen(WebSocket webSocket, Response response) {
                                socket = webSocket;
                                opened.add(webSocket);
                            }
                        })
                        .build();
            }
        });
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code /subscribe} endpoint, as a {@code ws://} URL. */
    public String url() {
        return "ws://" + server.getHostName() + ":" + server.getPort() + "/subscribe";
    }

    /** The next subscription made, waiting up to the timeout; fails the test when none comes. */
    public HttpUrl nextSubscription(long seconds) throws InterruptedException {
        HttpUrl url = subscriptions.poll(seconds, TimeUnit.SECONDS);
        if (url == null) {
            throw new AssertionError("no Jetstream subscription within " + seconds + " s");
        }
        if (opened.poll(seconds, TimeUnit.SECONDS) == null) {
            throw new AssertionError("the Jetstream subscription did not open within " + seconds + " s");
        }
        return url;
    }

    /** Pushes a commit event of {@code app.bsky.feed.post} down the open stream. */
    public void pushCommit(String did, long timeUs, String operation, String recordKey) {
        socket.send("{\"did\":\"" + did + "\",\"time_us\":" + timeUs + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"r"
                + timeUs + "\",\"operation\":\"" + operation + "\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\""
                + recordKey + "\"}}");
    }

    /** Ends the open stream from the server's side, as a Jetstream restart does. */
    public void drop() {
        socket.close(1012, "service restart");
    }

    @Override
    public void close() {
        server.close();
    }
}
