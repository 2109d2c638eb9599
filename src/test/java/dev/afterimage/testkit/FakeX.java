package dev.afterimage.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Metadata;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * An X account a test drives through time: post, edit (a new id in the edit history, as on X), delete, swap media,
 * make the account vanish. It serves API v2 answers of its current state from WireMock in the documented shapes
 * (the real captures in {@code shared/fixtures/real/x}): the user by username, the timeline newest first in pages with
 * a {@code next_token}, and the id lookup.
 *
 * <p>One simplification: the id lookup {@code /2/tweets?ids=} answers whenever one of this account's ids is asked,
 * with all of its tweets in {@code data} and all of its deleted ids in {@code errors}, not only the ids asked; the
 * source must pick out the ids it asked about, as it must from any answer.
 */
public final class FakeX {

    private static final String METADATA_KEY = "fakeXAccount";
    private static final long SNOWFLAKE_EPOCH_MILLIS = 1288834974657L;
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final AtomicLong USER_IDS = new AtomicLong(4_000_000);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_FOUND = "https://api.twitter.com/2/problems/resource-not-found";

    private final String username;
    private final String userId = String.valueOf(USER_IDS.incrementAndGet());
    private final NavigableMap<Long, Tweet> tweets = new TreeMap<>();
    private final Set<Long> deleted = new TreeSet<>();
    private boolean gone;
    private int pageSize = 100;

    public FakeX(String username) {
        this.username = Objects.requireNonNull(username, "username");
    }

    /** The account's X user id, which the Activity API's filters name. */
    public String userId() {
        return userId;
    }

    public String username() {
        return username;
    }

    /** Publishes a tweet; its id is a snowflake of its time, as on X. Returns the (original) id. */
    public long post(Instant at, String text, String... photoUrls) {
        long id = snowflake(at);
        tweets.put(id, new Tweet(new ArrayList<>(List.of(id)), at, text, List.of(photoUrls)));
        return id;
    }

    /** Edits a tweet: a new id joins its edit history, with the new text and photos. */
    public void edit(long originalId, Instant at, String text, String... photoUrls) {
        Tweet tweet = tweet(originalId);
        List<Long> history = new ArrayList<>(tweet.history());
        history.add(snowflake(at));
        tweets.put(originalId, new Tweet(history, at, text, List.of(photoUrls)));
    }

    public void delete(long originalId) {
        Tweet tweet = tweets.remove(originalId);
        if (tweet == null) {
            throw new IllegalArgumentException("no tweet " + originalId + " of @" + username);
        }
        deleted.addAll(tweet.history());
    }

    /** Deactivates the account, or brings it back. */
    public void setGone(boolean gone) {
        this.gone = gone;
    }

    /** How many tweets one timeline page shows (X allows up to 100). */
    public FakeX pageSize(int tweetsPerPage) {
        pageSize = tweetsPerPage;
        return this;
    }

    /** Replaces this account's stubs with ones serving its current state; call it after every change. */
    public void install(WireMockServer server) {
        WireMock client = new WireMock(server);
        client.removeStubsByMetadataPattern(matchingJsonPath("$." + METADATA_KEY, equalTo(username)));
        stub(client, get(urlPathEqualTo("/2/users/by/username/" + username)).willReturn(json(user())));
        String timeline = "/2/users/" + userId + "/tweets";
        if (gone) {
            stub(client, get(urlPathEqualTo(timeline)).willReturn(json(userNotFound())));
        } else {
            List<Tweet> newestFirst = List.copyOf(tweets.descendingMap().values());
            int pages = Math.max(1, (newestFirst.size() + pageSize - 1) / pageSize);
            for (int page = 1; page <= pages; page++) {
                List<Tweet> shown =
                        newestFirst.subList((page - 1) * pageSize, Math.min(newestFirst.size(), page * pageSize));
                stub(
                        client,
                        get(urlPathEqualTo(timeline))
                                .withQueryParam("pagination_token", page == 1 ? absent() : equalTo("page-" + page))
                                .willReturn(json(timelinePage(shown, page < pages ? "page-" + (page + 1) : null))));
            }
        }
        Set<Long> ours = new TreeSet<>(deleted);
        tweets.values().forEach(tweet -> ours.addAll(tweet.history()));
        if (!ours.isEmpty()) {
            String any = ours.stream().map(String::valueOf).collect(Collectors.joining("|"));
            stub(
                    client,
                    get(urlPathEqualTo("/2/tweets"))
                            .withQueryParam("ids", matching("(?:.*,)?(?:" + any + ")(?:,.*)?"))
                            .willReturn(json(lookup())));
        }
    }

    private ObjectNode user() {
        ObjectNode answer = JSON.createObjectNode();
        if (gone) {
            problem(
                    answer.putArray("errors"),
                    username,
                    "user",
                    "username",
                    "Could not find user with username: [" + username + "].");
        } else {
            answer.putObject("data")
                    .put("id", userId)
                    .put("name", username)
                    .put("username", username)
                    .put("protected", false);
        }
        return answer;
    }

    private ObjectNode userNotFound() {
        ObjectNode answer = JSON.createObjectNode();
        problem(answer.putArray("errors"), userId, "user", "id", "Could not find user with id: [" + userId + "].");
        return answer;
    }

    private ObjectNode timelinePage(List<Tweet> shown, String nextToken) {
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode meta = JSON.createObjectNode().put("result_count", shown.size());
        if (!shown.isEmpty()) {
            addTweets(answer, shown);
            meta.put("newest_id", String.valueOf(shown.getFirst().history().getLast()));
            meta.put("oldest_id", String.valueOf(shown.getLast().history().getLast()));
        }
        if (nextToken != null) {
            meta.put("next_token", nextToken);
        }
        answer.set("meta", meta);
        return answer;
    }

    /** A deactivated account's tweets are "not found" like deleted ones. */
    private ObjectNode lookup() {
        ObjectNode answer = JSON.createObjectNode();
        if (!gone && !tweets.isEmpty()) {
            addTweets(answer, List.copyOf(tweets.descendingMap().values()));
        }
        ArrayNode errors = JSON.createArrayNode();
        Set<Long> missing = new TreeSet<>(deleted);
        if (gone) {
            tweets.values().forEach(tweet -> missing.addAll(tweet.history()));
        }
        for (long id : missing) {
            problem(errors, String.valueOf(id), "tweet", "ids", "Could not find tweet with ids: [" + id + "].");
        }
        if (!errors.isEmpty()) {
            answer.set("errors", errors);
        }
        return answer;
    }

    private void addTweets(ObjectNode answer, List<Tweet> shown) {
        ArrayNode data = answer.putArray("data");
        ArrayNode media = JSON.createArrayNode();
        for (Tweet tweet : shown) {
            ObjectNode node = data.addObject();
            long current = tweet.history().getLast();
            node.put("id", String.valueOf(current));
            ArrayNode history = node.putArray("edit_history_tweet_ids");
            tweet.history().forEach(id -> history.add(String.valueOf(id)));
            node.put("text", tweet.text());
            node.put("created_at", tweet.at().truncatedTo(ChronoUnit.MILLIS).toString());
            node.put("author_id", userId);
            node.put("conversation_id", String.valueOf(current));
            if (!tweet.photos().isEmpty()) {
                ArrayNode keys = node.putObject("attachments").putArray("media_keys");
                for (int i = 0; i < tweet.photos().size(); i++) {
                    String key = "3_" + current + i;
                    keys.add(key);
                    media.addObject()
                            .put("media_key", key)
                            .put("type", "photo")
                            .put("url", tweet.photos().get(i))
                            .put("width", 800)
                            .put("height", 600);
                }
            }
        }
        if (!media.isEmpty()) {
            answer.putObject("includes").set("media", media);
        }
    }

    private static void problem(ArrayNode errors, String value, String resourceType, String parameter, String detail) {
        errors.addObject()
                .put("value", value)
                .put("detail", detail)
                .put("title", "Not Found Error")
                .put("resource_type", resourceType)
                .put("parameter", parameter)
                .put("resource_id", value)
                .put("type", NOT_FOUND);
    }

    private Tweet tweet(long originalId) {
        Tweet tweet = tweets.get(originalId);
        if (tweet == null) {
            throw new IllegalArgumentException("no tweet " + originalId + " of @" + username);
        }
        return tweet;
    }

    /** Unique even for two tweets in the same millisecond, as X's sequence bits make them. */
    private static long snowflake(Instant at) {
        return ((at.toEpochMilli() - SNOWFLAKE_EPOCH_MILLIS) << 22) | (SEQUENCE.incrementAndGet() & 0xFFF);
    }

    private void stub(WireMock client, MappingBuilder mapping) {
        client.register(mapping.withMetadata(Metadata.metadata().attr(METADATA_KEY, username)));
    }

    private static ResponseDefinitionBuilder json(ObjectNode body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body.toString());
    }

    /** One tweet as it stands: its edit history (original first), when its current version was made, what it shows. */
    private record Tweet(List<Long> history, Instant at, String text, List<String> photos) {}
}
