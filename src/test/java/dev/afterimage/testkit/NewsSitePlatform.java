package dev.afterimage.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link FakeNewsSite} as a {@link FakePlatform}, watched as a web page with its selectors: the news listing is the
 * listing, an item's own page its check. An item is known by its page's URL; every item is titled {@value #TITLE},
 * which the archive puts before its body.
 */
public final class NewsSitePlatform extends ApiWatchedPlatform {

    private static final AtomicInteger SITES = new AtomicInteger();
    private static final String TITLE = "Statement";

    private final FakeNewsSite site;
    private int items;

    public NewsSitePlatform(WireMockServer wireMock, MutableClock clock) {
        super(wireMock, clock);
        site = new FakeNewsSite(
                "contract-" + SITES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36));
    }

    /** The listing's dates are to the second. */
    @Override
    public String publish(Duration age, String text, String... photoUrls) {
        String id = "item-" + ++items;
        FakeNewsSite.Item item = site.publish(id, now().minus(age).truncatedTo(ChronoUnit.SECONDS), TITLE, text);
        for (String url : photoUrls) {
            item.picture(url);
        }
        return wireMock.baseUrl() + site.itemPath(id);
    }

    @Override
    public void editText(String postId, String newText) {
        site.item(item(postId)).body(newText);
    }

    @Override
    public void swapPhotos(String postId, String... photoUrls) {
        FakeNewsSite.Item item = site.item(item(postId)).clearPictures();
        for (String url : photoUrls) {
            item.picture(url);
        }
    }

    @Override
    public void delete(String postId) {
        site.delete(item(postId));
    }

    @Override
    public Fault answerCheck(String postId, ResponseDefinitionBuilder answer) {
        return fault(site.itemPath(item(postId)), answer);
    }

    @Override
    public Fault answerListing(ResponseDefinitionBuilder answer) {
        return fault(site.listingPath(), answer);
    }

    @Override
    public void setAccountGone(boolean gone) {
        site.setGone(gone);
    }

    @Override
    public void pageSize(int postsPerPage) {
        site.pageSize(postsPerPage);
    }

    @Override
    public String postUrl(String postId) {
        return postId;
    }

    @Override
    public String archivedText(String writtenText) {
        return TITLE + "\n\n" + writtenText;
    }

    /** The item page's own answer; a site that says "not found" with a 200 is WebWatchScenarioTest's. */
    @Override
    public String goneEvidence() {
        return "answered HTTP 404";
    }

    @Override
    protected void install() {
        site.install(wireMock);
    }

    @Override
    protected Map<String, ?> watchRequest() {
        return Map.of(
                "platform",
                "web",
                "handle",
                wireMock.baseUrl() + site.listingPath(),
                "label",
                "Ministry news",
                "options",
                FakeNewsSite.SELECTORS);
    }

    @Override
    protected String picturePath(String name) {
        return site.listingPath().replace("/news", "/img/" + name + ".jpg");
    }

    /** The item's id: the last segment of its page's URL. */
    private static String item(String postId) {
        return postId.substring(postId.lastIndexOf('/') + 1);
    }
}
