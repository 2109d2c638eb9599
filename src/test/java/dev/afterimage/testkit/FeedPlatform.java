package dev.afterimage.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link FakeFeed} as a {@link FakePlatform}: the feed is the listing, an entry's article page its check. Every entry
 * is titled {@value #TITLE}, which the archive puts before its text.
 */
public final class FeedPlatform extends ApiWatchedPlatform {

    private static final AtomicInteger FEEDS = new AtomicInteger();
    private static final String TITLE = "Statement";

    private final FakeFeed feed;
    private int entries;

    public FeedPlatform(WireMockServer wireMock, MutableClock clock) {
        super(wireMock, clock);
        feed = new FakeFeed(
                "contract-" + FEEDS.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36));
    }

    @Override
    public Optional<String> cannot(Capability capability) {
        return switch (capability) {
            case PAGING ->
                Optional.of("a feed shows a window of its newest entries, not pages: an entry scrolls out instead"
                        + " (RssWatchScenarioTest.entryThatScrolledOutOfTheFeedIsNotASuspect)");
            case UNREAD_PAGES -> Optional.empty();
        };
    }

    /** The feed's dates are to the second (RFC 1123). */
    @Override
    public String publish(Duration age, String text, String... photoUrls) {
        String id = "entry-" + ++entries;
        FakeFeed.Entry entry = feed.publish(id, now().minus(age).truncatedTo(ChronoUnit.SECONDS), TITLE, text);
        for (String url : photoUrls) {
            entry.picture(url);
        }
        return id;
    }

    @Override
    public void editText(String postId, String newText) {
        feed.entry(postId).text(newText);
    }

    @Override
    public void swapPhotos(String postId, String... photoUrls) {
        FakeFeed.Entry entry = feed.entry(postId).clearPictures();
        for (String url : photoUrls) {
            entry.picture(url);
        }
    }

    @Override
    public void delete(String postId) {
        feed.delete(postId);
    }

    @Override
    public Fault answerCheck(String postId, ResponseDefinitionBuilder answer) {
        return fault(feed.articlePath(postId), answer);
    }

    @Override
    public Fault answerListing(ResponseDefinitionBuilder answer) {
        return fault(feed.feedPath(), answer);
    }

    @Override
    public void setAccountGone(boolean gone) {
        feed.setGone(gone);
    }

    @Override
    public void pageSize(int postsPerPage) {
        throw new UnsupportedOperationException(cannot(Capability.PAGING).orElseThrow());
    }

    @Override
    public String postUrl(String postId) {
        return wireMock.baseUrl() + feed.articlePath(postId);
    }

    @Override
    public String pastedUrl(String postId) {
        return postUrl(postId).replace("http://", "HTTP://") + "#top";
    }

    @Override
    public String archivedText(String writtenText) {
        return TITLE + "\n\n" + writtenText;
    }

    /** The article's own answer. */
    @Override
    public String goneEvidence() {
        return "answered HTTP 404";
    }

    @Override
    protected void install() {
        feed.install(wireMock);
    }

    @Override
    protected Map<String, ?> watchRequest() {
        return Map.of("url", wireMock.baseUrl() + feed.feedPath(), "label", "Ministry press releases");
    }

    @Override
    protected String picturePath(String name) {
        return feed.feedPath().replace("rss.xml", "img/" + name + ".jpg");
    }
}
