package dev.afterimage.testkit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One account on a fake platform, watched by the running service: what {@code WatchContract} needs to drive any
 * platform through the same scenarios. The platform's side publishes, edits, deletes and misbehaves; the service's
 * side is the public API (watch, poll, events, archived posts), with time on the {@link MutableClock}.
 *
 * <p>Each fake is adapted to it by one class ({@link TelegramPlatform}, {@link MastodonPlatform}, ...). What a
 * platform cannot be made to do it says through {@link #cannot}, so the scenario is skipped with that reason rather than
 * passing without testing anything. Posts are published oldest first, as platforms number them.
 */
public interface FakePlatform {

    /** What a fake can be made to do beyond what every platform shares. */
    enum Capability {
        /** The listing comes in pages, so newer posts can push an archived one onto an older page. */
        PAGING,
        /** The service tells a listing page it has read before, byte for byte, and does not read it again. */
        UNREAD_PAGES
    }

    /** Why this fake cannot be made to do that, or empty when it can. */
    Optional<String> cannot(Capability capability);

    /** Serves a picture on the platform's media host (the same seed is the same scene); returns its URL. */
    String picture(String name, long seed);

    /** Publishes a post dated {@code age} before now, with these photos; returns its id as the archive knows it. */
    String publish(Duration age, String text, String... photoUrls);

    /** Changes the post's text as its author would, keeping its photos. */
    void editText(String postId, String newText);

    /** Replaces the post's photos with these, keeping its text. */
    void swapPhotos(String postId, String... photoUrls);

    /** Deletes the post: from now on the platform answers definitively that it is gone. */
    void delete(String postId);

    /** Makes the platform answer this way when the service asks about this one post (its permalink or lookup). */
    Fault answerCheck(String postId, ResponseDefinitionBuilder answer);

    /** Makes the platform answer this way when the service reads the account's listing. */
    Fault answerListing(ResponseDefinitionBuilder answer);

    /** A 429 in this platform's words, asking the service to wait this long. */
    ResponseDefinitionBuilder tooManyRequests(Duration wait);

    /** Makes the whole account vanish (deleted, deactivated, removed), or come back with its posts. */
    void setAccountGone(boolean gone);

    /** How many posts a listing page shows; only for a platform that can {@link Capability#PAGING}. */
    void pageSize(int postsPerPage);

    /** The canonical URL the archive gives the post. */
    String postUrl(String postId);

    /** The post's URL as a reader might paste it (another scheme, a share parameter): the archive finds it by it. */
    String pastedUrl(String postId);

    /** The text the archive keeps for a post written with this text (a feed entry adds its title, say). */
    String archivedText(String writtenText);

    /** Words the evidence of a confirmed deletion quotes from the platform's definitive answer. */
    String goneEvidence();

    Instant now();

    void advance(Duration duration);

    /** Makes the service watch the account through its API; returns the account's id. */
    long watch();

    /** Publishes the fake's current state, then polls once through the API; returns the poll's summary. */
    JsonPath poll();

    /** Polls every interval for the given time, moving the clock on before each; returns the summaries. */
    List<JsonPath> pollEvery(Duration interval, Duration during);

    /** Every event raised about the account so far, in order. */
    List<Map<String, Object>> events();

    List<String> eventTypes();

    /** The archived post with this id, with its versions and events. */
    JsonPath archived(String postId);

    /** The account as the API shows it. */
    JsonPath account();
}
